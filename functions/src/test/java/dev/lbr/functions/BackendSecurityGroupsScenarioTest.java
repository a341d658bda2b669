package dev.lbr.functions;

import dev.lbr.testing.ScenarioCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Scenario 09-backend-security-groups through the reconcile function: LBC's shared backend group,
 * the NLB's frontend group and the restricted node rules, revoked as load balancers go. Runs only
 * when {@link ScenarioCatalog} enables it (pending until the core manages backend groups).
 */
class BackendSecurityGroupsScenarioTest {
  private static final String NAME = "09-backend-security-groups";

  static boolean enabled() {
    return ScenarioCatalog.enabled(NAME);
  }

  @Test
  @EnabledIf("enabled")
  void allThreeStepsYieldExactlyTheExpectedStateAndGroups() {
    new Harness().playsScenario(NAME, 3);
  }
}
