package dev.lbr.functions.convergence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.aws.AwsClients;
import dev.lbr.testing.AwsEmulator;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random histories of a small cluster, delivered reordered, duplicated and dropped (inventories
 * revealing missed deletions), with crashes and lost replies at any AWS or DynamoDB call, always
 * converge to the state of the last events: see {@link ConvergenceRun} and {@link Oracle}. Seeded
 * (the seed is printed on failure); {@code -Dlbr.property.tries=500} runs more ({@link
 * SuiteSettings}). One emulator and one VPC for the class, a fresh cluster name per try.
 */
@AddLifecycleHook(SuiteSettings.class)
class ConvergenceProperties {
  private static final RunFigures FIGURES = new RunFigures();
  private static AwsClients test;
  private static String vpcId;

  @BeforeContainer
  static void oneVpcForEveryCluster() {
    test = AwsEmulator.clients();
    vpcId = SharedVpc.prepare(test);
  }

  @AfterContainer
  static void printFigures() {
    System.out.println(
        FIGURES.summary("tries=" + System.getProperty(SuiteSettings.TRIES, "default")));
    if (test != null) {
      test.close();
    }
  }

  @Property(tries = 12, seed = "20261122", shrinking = ShrinkingMode.BOUNDED)
  void everyDeliveryAndFaultScheduleConvergesToTheLastEvents(
      @ForAll("scenarios") ConvergenceRun.Scenario scenario) {
    ConvergenceRun.Outcome outcome = ConvergenceRun.run(scenario, vpcId, test);
    FIGURES.add(outcome);
    if (!outcome.problems().isEmpty()) {
      System.out.println("not converged: " + scenario);
      outcome.log().forEach(l -> System.out.println("  " + l));
    }
    assertThat(outcome.problems()).as("differences after %s", outcome.fired()).isEmpty();
  }

  @Provide
  Arbitrary<ConvergenceRun.Scenario> scenarios() {
    return Combinators.combine(
            Generators.actions(), Generators.genes(), Generators.inventories(), Generators.faults())
        .as(ConvergenceRun.Scenario::new);
  }
}
