package dev.lbr.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftOptionsTest {

  @Test
  void theFunctionsEnvironmentSetsGraceBreakerAndRate() {
    DriftOptions o =
        DriftOptions.fromEnvironment(
            Map.of(
                "GC_GRACE", "PT2H",
                "DRIFT_MAX_LB_DELETES", "3",
                "DRIFT_ELB_CALLS_PER_SECOND", "4.5"));

    assertThat(o.gcGrace()).isEqualTo(Duration.ofHours(2));
    assertThat(o.maxLoadBalancerDeletes()).isEqualTo(3);
    assertThat(o.elbCallsPerSecond()).isEqualTo(4.5);
    assertThat(o.forceGc()).isFalse();
    assertThat(o.dryRun()).isFalse();
  }

  @Test
  void anEmptyEnvironmentGivesTheGenerousDefaults() {
    DriftOptions o = DriftOptions.fromEnvironment(Map.of());

    assertThat(o.gcGrace()).isEqualTo(Duration.ofHours(24));
    assertThat(o.maxLoadBalancerDeletes()).isEqualTo(5);
    assertThat(o.elbCallsPerSecond()).isEqualTo(10);
  }

  @Test
  void aNegativeGraceIsRefused() {
    assertThatThrownBy(() -> DriftOptions.fromEnvironment(Map.of("GC_GRACE", "-PT1H")))
        .hasMessageContaining("grace");
  }
}
