package dev.lbr.functions.convergence;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Lets a local run ask for more: {@code -Dlbr.property.tries=500} overrides the tries of every
 * property of the class, {@code -Dlbr.property.seed=<seed>} its fixed seed ({@code random} for a
 * new one each run; jqwik prints the seed of a failing run).
 */
final class SuiteSettings implements AroundPropertyHook {
  static final String TRIES = "lbr.property.tries";
  static final String SEED = "lbr.property.seed";

  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) {
    String tries = System.getProperty(TRIES, "");
    if (!tries.isBlank()) {
      context.attributes().setTries(Integer.parseInt(tries.trim()));
    }
    String seed = System.getProperty(SEED, "");
    if (!seed.isBlank()) {
      context.attributes().setSeed(seed.trim().equals("random") ? "" : seed.trim());
    }
    return property.execute();
  }
}
