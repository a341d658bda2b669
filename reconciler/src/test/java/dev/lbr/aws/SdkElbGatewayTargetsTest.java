package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.model.Target;
import dev.lbr.plan.TargetPlanner;
import dev.lbr.testing.EmulatedAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SdkElbGatewayTargetsTest {
  private EmulatedAccount account;
  private SdkElbGateway elb;
  private String tg;

  @BeforeEach
  void setUp() {
    account = EmulatedAccount.fresh();
    elb = account.elb;
    tg =
        elb.createTargetGroup(
            Specs.tcpTargetGroup("a", "targets", account.world.vpcId(), Map.of()));
    account.calls.reset();
  }

  @AfterEach
  void tearDown() {
    account.close();
  }

  @Test
  void fourHundredFiftyTargetsRegisterAndDeregisterInThreeCallsEach() {
    List<Target> targets = pods(450);
    List<List<Target>> batches = TargetPlanner.batches(targets.stream().sorted().toList());
    assertThat(batches).extracting(List::size).containsExactly(200, 200, 50);

    batches.forEach(b -> elb.registerTargets(tg, b));
    assertThat(account.calls.count(CallCounter.ELBV2, "RegisterTargets")).isEqualTo(3);
    assertThat(elb.targets(tg)).containsExactlyInAnyOrderElementsOf(targets);

    batches.forEach(b -> elb.deregisterTargets(tg, b));
    assertThat(account.calls.count(CallCounter.ELBV2, "DeregisterTargets")).isEqualTo(3);
    assertThat(elb.targets(tg)).isEmpty();
  }

  @Test
  void moreThanTwoHundredTargetsInOneCallAreRejectedBeforeAnyCall() {
    assertThatThrownBy(() -> elb.registerTargets(tg, pods(201)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("201");
    assertThatThrownBy(() -> elb.deregisterTargets(tg, pods(201)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(account.calls.total(CallCounter.ELBV2)).isZero();
  }

  @Test
  void noTargetsMeansNoCall() {
    elb.registerTargets(tg, List.of());
    elb.deregisterTargets(tg, List.of());
    assertThat(account.calls.total(CallCounter.ELBV2)).isZero();
  }

  @Test
  void deregisteringTargetsThatAreNotRegisteredCountsAsDone() {
    List<Target> registered = pods(3);
    elb.registerTargets(tg, registered);
    List<Target> request = new ArrayList<>(registered.subList(0, 2));
    request.add(new Target("10.9.9.9", 8080));

    elb.deregisterTargets(tg, request);
    elb.deregisterTargets(tg, List.of(new Target("10.9.9.8", 8080)));

    assertThat(elb.targets(tg)).containsExactly(registered.get(2));
  }

  private static List<Target> pods(int n) {
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      targets.add(new Target("10.0." + (i / 250) + "." + (i % 250 + 1), 8080));
    }
    return targets;
  }
}
