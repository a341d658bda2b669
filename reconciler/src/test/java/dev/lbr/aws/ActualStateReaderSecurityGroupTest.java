package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.ActualLoadBalancer;
import dev.lbr.model.ActualSecurityGroup;
import dev.lbr.model.LoadBalancerType;
import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.model.StackId;
import dev.lbr.model.Tags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reader finds an Ingress stack's managed security group by its tags, and only then. */
class ActualStateReaderSecurityGroupTest {
  private static final String CLUSTER = "prod";
  private static final StackId GAME = Specs.GAME;

  private final RecordingElbReads elb = new RecordingElbReads();
  private final RecordingEc2Gateway ec2 = new RecordingEc2Gateway();
  private final ActualStateReader reader = new ActualStateReader(elb, ec2);

  private static Map<String, String> managedTags(String cluster) {
    return Specs.tags(cluster, GAME, SecurityGroupSpec.RESOURCE_ID);
  }

  private void group(String id, Map<String, String> tags) {
    ec2.put(new ActualSecurityGroup(id, id, "vpc-1", List.of(), tags));
  }

  @Test
  void aServiceStackFindsItsManagedGroupToo() {
    // NLBs have managed security groups since LBC v2.6
    group("sg-1", Specs.tags(CLUSTER, Specs.ECHO, SecurityGroupSpec.RESOURCE_ID));

    assertThat(reader.read(Specs.ECHO, CLUSTER, Map.of(), false).securityGroup())
        .map(ActualSecurityGroup::groupId)
        .contains("sg-1");
    assertThat(ec2.calls).hasSize(1);
  }

  @Test
  void anIngressStackFindsOnlyItsOwnClustersTaggedGroupInOneCall() {
    Map<String, String> clusterless = new HashMap<>(managedTags(CLUSTER));
    clusterless.remove(Tags.CLUSTER);
    group("sg-clusterless", clusterless);
    group("sg-staging", managedTags("staging"));
    group("sg-ours", managedTags(CLUSTER));
    group("sg-backend", Map.of(Tags.CLUSTER, CLUSTER, "elbv2.k8s.aws/resource", "backend-sg"));

    var stack = reader.read(GAME, CLUSTER, Map.of(), false);

    assertThat(stack.securityGroup()).map(ActualSecurityGroup::groupId).contains("sg-ours");
    assertThat(ec2.calls).containsExactly("securityGroupsTagged");
  }

  @Test
  void ofLeakedDuplicatesTheOneTheLoadBalancerUsesIsTheStacksGroup() {
    group("sg-a", managedTags(CLUSTER));
    group("sg-b", managedTags(CLUSTER));
    elb.loadBalancers.put(
        "arn:lb",
        new ActualLoadBalancer(
            "arn:lb",
            "lb",
            LoadBalancerType.APPLICATION,
            "internet-facing",
            "ipv4",
            "dns",
            "vpc-1",
            List.of("subnet-1"),
            List.of("sg-b"),
            Map.of(),
            Specs.tags(CLUSTER, GAME, Tags.LOAD_BALANCER_RESOURCE)));

    var stack = reader.read(GAME, CLUSTER, Map.of(), false);

    assertThat(stack.securityGroup()).map(ActualSecurityGroup::groupId).contains("sg-b");
  }
}
