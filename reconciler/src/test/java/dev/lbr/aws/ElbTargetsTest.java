package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.Target;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

class ElbTargetsTest {

  @Test
  void drainingTargetsAreNotCountedAsRegistered() {
    List<TargetHealthDescription> described =
        List.of(
            health("10.0.0.1", TargetHealthStateEnum.HEALTHY),
            health("10.0.0.2", TargetHealthStateEnum.DRAINING),
            health("10.0.0.3", TargetHealthStateEnum.INITIAL),
            health("10.0.0.4", TargetHealthStateEnum.UNHEALTHY));

    assertThat(ElbTargets.registered(described))
        .containsExactly(
            new Target("10.0.0.1", 8080),
            new Target("10.0.0.3", 8080),
            new Target("10.0.0.4", 8080));
  }

  private static TargetHealthDescription health(String ip, TargetHealthStateEnum state) {
    return TargetHealthDescription.builder()
        .target(t -> t.id(ip).port(8080))
        .targetHealth(h -> h.state(state))
        .build();
  }
}
