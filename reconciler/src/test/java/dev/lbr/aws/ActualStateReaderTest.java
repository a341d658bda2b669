package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.ActualLoadBalancer;
import dev.lbr.model.ActualStack;
import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.LoadBalancerType;
import dev.lbr.model.StackId;
import dev.lbr.model.Tags;
import dev.lbr.model.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reader's choices (trust the checkpoint or scan), on an in-memory ELB. */
class ActualStateReaderTest {
  private static final String CLUSTER = "prod";
  private static final StackId STACK = StackId.service("default", "echo");
  private static final String TG_KEY = "default/echo:80";
  private static final String LB_ARN = lbArn("ours");
  private static final String TG_ARN = tgArn("ours");

  private final RecordingElbReads elb = new RecordingElbReads();
  private final RecordingEc2Gateway ec2 = new RecordingEc2Gateway();
  private final ActualStateReader reader = new ActualStateReader(elb, ec2);

  @BeforeEach
  void ourStack() {
    put(lb(LB_ARN, ownTags(Tags.LOAD_BALANCER_RESOURCE)));
    put(tg(TG_ARN, ownTags(TG_KEY)));
    elb.targets.put(TG_ARN, Set.of(new Target("10.0.0.1", 8080)));
  }

  @Test
  void verifiedCheckpointArnsNeedNoTagScan() {
    ActualStack stack = reader.read(STACK, CLUSTER, checkpoint(LB_ARN, TG_ARN), false);

    assertThat(stack.loadBalancer()).map(ActualLoadBalancer::arn).contains(LB_ARN);
    assertThat(stack.targetGroups()).extracting(ActualTargetGroup::arn).containsExactly(TG_ARN);
    assertThat(elb.scans()).isZero();
    assertThat(stack.targets()).isEmpty();
  }

  @Test
  void anEmptyCheckpointScansByTags() {
    ActualStack stack = reader.read(STACK, CLUSTER, Map.of(), false);

    assertThat(stack.loadBalancer()).map(ActualLoadBalancer::arn).contains(LB_ARN);
    assertThat(stack.targetGroups()).extracting(ActualTargetGroup::arn).containsExactly(TG_ARN);
    assertThat(elb.calls).contains("loadBalancersTagged", "targetGroupsTagged");
  }

  @Test
  void aCheckpointArnPointingAtSomethingNotOursIsIgnored() {
    String lookAlikeLb = lbArn("lookalike");
    String lookAlikeTg = tgArn("lookalike");
    put(lb(lookAlikeLb, Map.of(Tags.CLUSTER, CLUSTER))); // no stack tag
    put(tg(lookAlikeTg, Map.of(STACK.stackTagKey(), STACK.name(), STACK.resourceTagKey(), TG_KEY)));

    ActualStack stack = reader.read(STACK, CLUSTER, checkpoint(lookAlikeLb, lookAlikeTg), false);

    assertThat(stack.loadBalancer()).map(ActualLoadBalancer::arn).contains(LB_ARN);
    assertThat(stack.targetGroups()).extracting(ActualTargetGroup::arn).containsExactly(TG_ARN);
  }

  @Test
  void oneMissingTargetGroupMakesTheReaderScanForAllOfThem() {
    String second = tgArn("second");
    put(tg(second, ownTags("default/echo:443")));
    Map<String, String> known = new HashMap<>(checkpoint(LB_ARN, TG_ARN));
    known.put("default/echo:443", tgArn("deleted"));

    ActualStack stack = reader.read(STACK, CLUSTER, known, false);

    assertThat(stack.targetGroups())
        .extracting(ActualTargetGroup::arn)
        .containsExactlyInAnyOrder(TG_ARN, second);
    assertThat(elb.calls).contains("targetGroupsTagged").doesNotContain("loadBalancersTagged");
  }

  @Test
  void aTargetGroupWhoseResourceTagDisagreesWithTheCheckpointIsNotTrusted() {
    Map<String, String> known =
        Map.of(Tags.LOAD_BALANCER_RESOURCE, LB_ARN, "default/echo:9999", TG_ARN);

    reader.read(STACK, CLUSTER, known, false);

    assertThat(elb.calls).contains("targetGroupsTagged");
  }

  @Test
  void anotherClustersStackWithTheSameNameIsNotOurs() {
    elb.loadBalancers.clear();
    elb.targetGroups.clear();
    put(lb(lbArn("theirs"), Map.of(Tags.CLUSTER, "staging", STACK.stackTagKey(), STACK.name())));

    ActualStack stack = reader.read(STACK, CLUSTER, Map.of(), true);

    assertThat(stack.loadBalancer()).isEmpty();
    assertThat(stack.targetGroups()).isEmpty();
  }

  @Test
  void targetsAreReadOnlyWhenAskedFor() {
    ActualStack stack = reader.read(STACK, CLUSTER, checkpoint(LB_ARN, TG_ARN), true);

    assertThat(stack.targets()).containsEntry(TG_ARN, Set.of(new Target("10.0.0.1", 8080)));
  }

  @Test
  void listenerEntriesOfTheCheckpointAreNotMistakenForTargetGroups() {
    Map<String, String> known = new HashMap<>(checkpoint(LB_ARN, TG_ARN));
    known.put("listener/80", LB_ARN.replace(":loadbalancer/", ":listener/") + "/abc");

    reader.read(STACK, CLUSTER, known, false);

    assertThat(elb.scans()).isZero();
  }

  private static Map<String, String> checkpoint(String lb, String tg) {
    return Map.of(Tags.LOAD_BALANCER_RESOURCE, lb, TG_KEY, tg);
  }

  private static Map<String, String> ownTags(String resource) {
    return Map.of(
        Tags.CLUSTER, CLUSTER, STACK.stackTagKey(), STACK.name(), STACK.resourceTagKey(), resource);
  }

  private void put(ActualLoadBalancer lb) {
    elb.loadBalancers.put(lb.arn(), lb);
  }

  private void put(ActualTargetGroup tg) {
    elb.targetGroups.put(tg.arn(), tg);
  }

  private static ActualLoadBalancer lb(String arn, Map<String, String> tags) {
    return new ActualLoadBalancer(
        arn,
        "lb",
        LoadBalancerType.NETWORK,
        "internet-facing",
        "ipv4",
        "dns",
        "vpc-1",
        List.of("subnet-1"),
        null,
        Map.of(),
        tags);
  }

  private static ActualTargetGroup tg(String arn, Map<String, String> tags) {
    return new ActualTargetGroup(
        arn, "tg", "ip", "TCP", null, 8080, "ipv4", "vpc-1", Specs.TCP_CHECK, Map.of(), tags);
  }

  private static String lbArn(String name) {
    return "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/" + name + "/0123";
  }

  private static String tgArn(String name) {
    return "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/" + name + "/0123";
  }
}
