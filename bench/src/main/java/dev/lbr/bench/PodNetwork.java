package dev.lbr.bench;

import dev.lbr.emulator.EmulatorWorld;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The pods' network of the benchmark's stacks, as a real cluster has it: a pod subnet, the node
 * security group tagged for the cluster, and one network interface per pod IP {@link BenchStack}
 * uses ({@code 192.168.<stack>.<10 + n>}), so the reconciler resolves endpoint groups and manages
 * the node rules as it would on EKS.
 */
final class PodNetwork {
  private PodNetwork() {}

  static void create(Ec2Client ec2, EmulatorWorld.World world, int stacks, int podsPerStack) {
    String subnet =
        ec2.createSubnet(
                r ->
                    r.vpcId(world.vpcId())
                        .cidrBlock("192.168.0.0/18")
                        .availabilityZone(world.availabilityZones().get(0)))
            .subnet()
            .subnetId();
    String group =
        ec2.createSecurityGroup(
                r ->
                    r.vpcId(world.vpcId())
                        .groupName("bench-nodes")
                        .description("nodes and pods")
                        .tagSpecifications(
                            TagSpecification.builder()
                                .resourceType(ResourceType.SECURITY_GROUP)
                                .tags(
                                    Tag.builder()
                                        .key("kubernetes.io/cluster/" + world.cluster())
                                        .value("owned")
                                        .build())
                                .build()))
            .groupId();
    for (int stack = 1; stack <= stacks; stack++) {
      for (int pod = 0; pod < podsPerStack; pod++) {
        String ip = "192.168.%d.%d".formatted(1 + stack % 250, 10 + pod);
        ec2.createNetworkInterface(
            r -> r.subnetId(subnet).privateIpAddress(ip).groups(List.of(group)));
      }
    }
  }
}
