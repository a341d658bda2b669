package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.Action;
import dev.lbr.model.ActualLoadBalancer;
import dev.lbr.model.ActualStack;
import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.Tags;
import dev.lbr.model.Target;
import dev.lbr.model.TargetGroupRef;
import dev.lbr.testing.EmulatedAccount;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reader against the emulator: stale checkpoints and look-alikes. */
class ActualStateReaderEmulatorTest {
  private static final String TG_KEY = "default/echo:80";

  private EmulatedAccount account;
  private SdkElbGateway elb;
  private ActualStateReader reader;

  @BeforeEach
  void setUp() {
    account = EmulatedAccount.fresh();
    elb = account.elb;
    reader = new ActualStateReader(elb, new SdkEc2Gateway(account.clients.ec2()));
  }

  @AfterEach
  void tearDown() {
    account.close();
  }

  @Test
  void aStaleCheckpointFallsBackToTagsAndNeverReturnsAnUntaggedLookAlike() {
    List<String> subnets = account.world.publicSubnetIds();
    String vpc = account.world.vpcId();
    String lb =
        elb.createLoadBalancer(
            Specs.nlb(
                "k8s-default-echo-a",
                subnets,
                Specs.tags(Specs.ECHO, Tags.LOAD_BALANCER_RESOURCE)));
    String tg =
        elb.createTargetGroup(
            Specs.tcpTargetGroup(
                TG_KEY, "k8s-default-echo-tg", vpc, Specs.tags(Specs.ECHO, TG_KEY)));
    elb.createListener(
        lb,
        new ListenerSpec(
            80,
            "TCP",
            null,
            null,
            null,
            List.of(Action.Forward.to(TargetGroupRef.external(tg))),
            null,
            null));
    elb.registerTargets(tg, List.of(new Target("10.0.0.7", 8080)));
    // Same names and shape, no ownership tags: someone else's.
    String lookAlikeLb =
        elb.createLoadBalancer(Specs.nlb("k8s-default-echo-b", subnets, Map.of("Name", "echo")));
    String lookAlikeTg =
        elb.createTargetGroup(Specs.tcpTargetGroup(TG_KEY, "k8s-default-echo-tg2", vpc, Map.of()));
    String deletedTg =
        elb.createTargetGroup(
            Specs.tcpTargetGroup(
                TG_KEY, "k8s-default-echo-old", vpc, Specs.tags(Specs.ECHO, TG_KEY)));
    elb.deleteTargetGroup(deletedTg);

    ActualStack viaLookAlikes =
        reader.read(
            Specs.ECHO,
            EmulatedAccount.CLUSTER,
            Map.of(Tags.LOAD_BALANCER_RESOURCE, lookAlikeLb, TG_KEY, lookAlikeTg),
            true);
    ActualStack viaDeleted =
        reader.read(
            Specs.ECHO,
            EmulatedAccount.CLUSTER,
            Map.of(Tags.LOAD_BALANCER_RESOURCE, lookAlikeLb, TG_KEY, deletedTg),
            true);

    for (ActualStack stack : List.of(viaLookAlikes, viaDeleted)) {
      assertThat(stack.loadBalancer()).map(ActualLoadBalancer::arn).contains(lb);
      assertThat(stack.targetGroups()).extracting(ActualTargetGroup::arn).containsExactly(tg);
      assertThat(stack.listeners()).hasSize(1);
      assertThat(stack.targets())
          .containsExactly(Map.entry(tg, Set.of(new Target("10.0.0.7", 8080))));
    }
  }

  @Test
  void aFreshCheckpointIsReadWithoutScanningTheAccount() {
    String lb =
        elb.createLoadBalancer(
            Specs.nlb(
                "lb",
                account.world.publicSubnetIds(),
                Specs.tags(Specs.ECHO, Tags.LOAD_BALANCER_RESOURCE)));
    String tg =
        elb.createTargetGroup(
            Specs.tcpTargetGroup(
                TG_KEY, "tg", account.world.vpcId(), Specs.tags(Specs.ECHO, TG_KEY)));
    account.calls.reset();

    ActualStack stack =
        reader.read(
            Specs.ECHO,
            EmulatedAccount.CLUSTER,
            Map.of(Tags.LOAD_BALANCER_RESOURCE, lb, TG_KEY, tg),
            false);

    assertThat(stack.loadBalancer()).isPresent();
    assertThat(stack.targetGroups()).hasSize(1);
    // One describe each, by ARN: DescribeLoadBalancers, DescribeTargetGroups, tags, attributes,
    // listeners.
    assertThat(account.calls.count(CallCounter.ELBV2, "DescribeLoadBalancers")).isEqualTo(1);
    assertThat(account.calls.count(CallCounter.ELBV2, "DescribeTargetGroups")).isEqualTo(1);
    assertThat(account.calls.mutating(CallCounter.ELBV2)).isZero();
    assertThat(account.calls.total(CallCounter.EC2))
        .as("one DescribeSecurityGroups finds the NLB's managed group")
        .isEqualTo(1);
  }
}
