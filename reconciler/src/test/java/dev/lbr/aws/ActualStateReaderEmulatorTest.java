package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.Action;
import dev.lbr.model.ActualLoadBalancer;
import dev.lbr.model.ActualStack;
import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.StackId;
import dev.lbr.model.Tags;
import dev.lbr.model.Target;
import dev.lbr.model.TargetGroupRef;
import dev.lbr.testing.EmulatedAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reader against the emulator: stale checkpoints and look-alikes; several stacks read at once,
 * sharing the ELBv2 calls that take a list of ARNs (20 per call), a resource gone meanwhile
 * spoiling nothing else.
 */
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
    tcpListener(lb, tg, null);
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

  /** A stack made by {@link #stack}: its id and the checkpoint's ARNs. */
  private record Made(StackId id, String lb, String tg, Map<String, String> arns) {}

  @Test
  void threeStacksShareOneDescribeOfLoadBalancersOneOfTargetGroupsAndOneOfTags() {
    List<Made> stacks = List.of(stack(1), stack(2), stack(3));
    account.calls.reset();

    Map<StackId, ActualStack> read = reader.read(requests(stacks), EmulatedAccount.CLUSTER, false);

    for (Made m : stacks) {
      ActualStack stack = read.get(m.id());
      assertThat(stack.loadBalancer()).map(ActualLoadBalancer::arn).contains(m.lb());
      assertThat(stack.targetGroups()).extracting(ActualTargetGroup::arn).containsExactly(m.tg());
      assertThat(stack.listeners())
          .singleElement()
          .satisfies(
              l -> assertThat(l.tags()).containsEntry(Tags.CLUSTER, EmulatedAccount.CLUSTER));
    }
    assertThat(account.calls.count(CallCounter.ELBV2, "DescribeLoadBalancers")).isEqualTo(1);
    assertThat(account.calls.count(CallCounter.ELBV2, "DescribeTargetGroups")).isEqualTo(1);
    assertThat(account.calls.count(CallCounter.ELBV2, "DescribeTags"))
        .as("3 load balancers, 3 target groups, 3 listeners")
        .isEqualTo(1);
    assertThat(account.calls.count(CallCounter.ELBV2, "DescribeListeners")).isEqualTo(3);
    assertThat(account.calls.count(CallCounter.ELBV2, "DescribeLoadBalancerAttributes"))
        .isEqualTo(3);
    assertThat(account.calls.count(CallCounter.ELBV2, "DescribeTargetGroupAttributes"))
        .isEqualTo(3);
  }

  @Test
  void aStackWhoseResourcesWereDeletedIsScannedForAloneAndTheOthersAreStillRead() {
    List<Made> stacks = List.of(stack(1), stack(2), stack(3));
    Made gone = stacks.get(1);
    elb.deleteLoadBalancer(gone.lb());
    elb.deleteTargetGroup(gone.tg());

    Map<StackId, ActualStack> read = reader.read(requests(stacks), EmulatedAccount.CLUSTER, false);

    assertThat(read.get(gone.id()).loadBalancer()).isEmpty();
    assertThat(read.get(gone.id()).targetGroups()).isEmpty();
    for (Made m : List.of(stacks.get(0), stacks.get(2))) {
      assertThat(read.get(m.id()).loadBalancer()).map(ActualLoadBalancer::arn).contains(m.lb());
      assertThat(read.get(m.id()).targetGroups())
          .extracting(ActualTargetGroup::arn)
          .containsExactly(m.tg());
    }
  }

  @Test
  void twentyOneTargetGroupsTakeTwoDescribes() {
    List<String> tgs = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      StackId id = StackId.service("default", "tg-" + i);
      String key = "default/tg-" + i + ":80";
      tgs.add(
          elb.createTargetGroup(
              Specs.tcpTargetGroup(key, "tg-" + i, account.world.vpcId(), Specs.tags(id, key))));
    }
    account.calls.reset();

    var described = elb.describe(List.of(), tgs, Map.of());

    assertThat(described.targetGroups()).containsOnlyKeys(tgs);
    assertThat(account.calls.count(CallCounter.ELBV2, "DescribeTargetGroups")).isEqualTo(2);
    assertThat(account.calls.count(CallCounter.ELBV2, "DescribeTags")).isEqualTo(2);
  }

  @Test
  void targetGroupAttributesTheCallerKnowsAreTakenAsGivenNotRead() {
    Made m = stack(1);
    Map<String, String> known = Map.of("deregistration_delay.timeout_seconds", "60");
    account.calls.reset();

    ActualStack stack =
        reader.read(
            new ActualStateReader.Request(m.id(), m.arns(), Map.of(m.tg(), known)),
            EmulatedAccount.CLUSTER,
            false);

    assertThat(stack.targetGroups())
        .singleElement()
        .satisfies(tg -> assertThat(tg.attributes()).isEqualTo(known));
    assertThat(account.calls.count(CallCounter.ELBV2, "DescribeTargetGroupAttributes")).isZero();
  }

  private static List<ActualStateReader.Request> requests(List<Made> stacks) {
    return stacks.stream()
        .map(m -> new ActualStateReader.Request(m.id(), m.arns(), Map.of()))
        .toList();
  }

  /** Service stack {@code default/echo-<n>}: an NLB, a target group and a TCP listener. */
  private Made stack(int n) {
    StackId id = StackId.service("default", "echo-" + n);
    String key = "default/echo-" + n + ":80";
    String lb =
        elb.createLoadBalancer(
            Specs.nlb(
                "echo-" + n,
                account.world.publicSubnetIds(),
                Specs.tags(id, Tags.LOAD_BALANCER_RESOURCE)));
    String tg =
        elb.createTargetGroup(
            Specs.tcpTargetGroup(key, "echo-tg-" + n, account.world.vpcId(), Specs.tags(id, key)));
    tcpListener(lb, tg, Specs.tags(id, "80"));
    return new Made(id, lb, tg, Map.of(Tags.LOAD_BALANCER_RESOURCE, lb, key, tg));
  }

  /** A TCP:80 listener of {@code lb} forwarding to {@code tg}. */
  private void tcpListener(String lb, String tg, Map<String, String> tags) {
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
            tags));
  }
}
