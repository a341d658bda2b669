package dev.lbr.emulator;

import dev.lbr.emulator.EmulatorWorld.World;
import dev.lbr.emulator.NetworkSpec.EniSpec;
import dev.lbr.emulator.NetworkSpec.GroupSpec;
import dev.lbr.emulator.NetworkSpec.NodeSpec;
import dev.lbr.emulator.NetworkSpec.SubnetSpec;
import dev.lbr.emulator.PreparedNetwork.PreparedEni;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * Creates a scenario's {@code network.json} in the prepared VPC, in the README's order: secondary
 * VPC blocks, extra (untagged) subnets, security groups and then their rules, one running instance
 * per node, then the ENIs (attached to their node's instance at the next device index). Every IP
 * lands in the subnet that holds it. Meant for a freshly reset emulator: nothing is looked up
 * before it is created, except blocks and subnets that already cover what is asked.
 */
public final class ScenarioNetwork {
  private final Ec2Client ec2;
  private final World world;
  private final NetworkSpec spec;
  private final List<Subnet> subnets = new ArrayList<>();
  private final Map<String, String> groupIds = new LinkedHashMap<>();
  private final Map<String, String> instanceIds = new LinkedHashMap<>();
  private final Map<String, String> instanceZones = new LinkedHashMap<>();
  private final Map<String, Integer> nextDeviceIndex = new HashMap<>();
  private final List<PreparedEni> enis = new ArrayList<>();

  private ScenarioNetwork(Ec2Client ec2, World world, NetworkSpec spec) {
    this.ec2 = ec2;
    this.world = world;
    this.spec = spec;
  }

  /** Creates {@code spec} in {@code world}'s VPC; the instances are tagged with its cluster. */
  public static PreparedNetwork build(Ec2Client ec2, World world, NetworkSpec spec) {
    return new ScenarioNetwork(ec2, world, spec).build();
  }

  private PreparedNetwork build() {
    spec.cidrBlocks().forEach(this::cidrBlock);
    subnets.addAll(
        ec2.describeSubnets(r -> r.filters(vpcFilter())).subnets().stream()
            .filter(s -> s.cidrBlock() != null)
            .toList());
    spec.subnets().forEach(this::subnet);
    spec.securityGroups().forEach(this::group);
    spec.securityGroups().forEach(this::rules);
    spec.nodes().forEach(this::node);
    spec.enis().forEach(this::eni);
    return new PreparedNetwork(spec, groupIds, instanceIds, instanceZones, enis);
  }

  private void cidrBlock(String block) {
    Cidr wanted = Cidr.parse(block);
    List<Cidr> existing =
        ec2
            .describeVpcs(r -> r.vpcIds(world.vpcId()))
            .vpcs()
            .getFirst()
            .cidrBlockAssociationSet()
            .stream()
            .map(a -> Cidr.parse(a.cidrBlock()))
            .toList();
    if (existing.stream().anyMatch(c -> c.contains(wanted))) {
      return;
    }
    existing.stream()
        .filter(c -> c.overlaps(wanted))
        .findFirst()
        .ifPresent(
            c -> {
              throw new IllegalArgumentException(
                  "network.json: VPC block " + block + " overlaps the VPC's " + c + " partially");
            });
    ec2.associateVpcCidrBlock(r -> r.vpcId(world.vpcId()).cidrBlock(block));
  }

  private void subnet(SubnetSpec wanted) {
    Cidr cidr = Cidr.parse(wanted.cidr());
    for (Subnet s : subnets) {
      Cidr have = Cidr.parse(s.cidrBlock());
      if (have.contains(cidr)) {
        return;
      }
      if (have.overlaps(cidr)) {
        throw new IllegalArgumentException(
            "network.json: subnet " + wanted.cidr() + " overlaps " + have + " partially");
      }
    }
    subnets.add(
        ec2.createSubnet(
                r ->
                    r.vpcId(world.vpcId()).cidrBlock(wanted.cidr()).availabilityZone(wanted.zone()))
            .subnet());
  }

  private void group(String role, GroupSpec g) {
    String id =
        ec2.createSecurityGroup(
                r -> {
                  r.groupName(g.name()).description(g.description()).vpcId(world.vpcId());
                  if (!g.tags().isEmpty()) {
                    r.tagSpecifications(tags(ResourceType.SECURITY_GROUP, g.tags()));
                  }
                })
            .groupId();
    groupIds.put(role, id);
  }

  private void rules(String role, GroupSpec g) {
    if (g.rules().isEmpty()) {
      return;
    }
    ec2.authorizeSecurityGroupIngress(
        r ->
            r.groupId(groupIds.get(role))
                .ipPermissions(
                    g.rules().stream()
                        .map(rule -> Ec2Rules.permission(rule, this::groupId))
                        .toList()));
  }

  private void node(String name, NodeSpec node) {
    Subnet subnet = subnetOf(node.privateIp(), "node " + name);
    Map<String, String> tags = new TreeMap<>();
    tags.put("Name", name);
    tags.put("kubernetes.io/cluster/" + world.cluster(), "owned");
    Instance instance =
        ec2.runInstances(
                r ->
                    r.imageId(MachineImage.id(ec2))
                        .instanceType(node.instanceType())
                        .minCount(1)
                        .maxCount(1)
                        .networkInterfaces(
                            n ->
                                n.deviceIndex(0)
                                    .subnetId(subnet.subnetId())
                                    .privateIpAddress(node.privateIp())
                                    .groups(groupIds(node.securityGroups())))
                        .tagSpecifications(tags(ResourceType.INSTANCE, tags)))
            .instances()
            .getFirst();
    MachineImage.awaitRunning(ec2, instance.instanceId());
    instanceIds.put(name, instance.instanceId());
    instanceZones.put(name, subnet.availabilityZone());
    nextDeviceIndex.put(name, 1);
    String primary =
        instance.networkInterfaces().stream()
            .filter(n -> n.attachment() != null && n.attachment().deviceIndex() == 0)
            .map(InstanceNetworkInterface::networkInterfaceId)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(name + " has no primary ENI"));
    enis.add(new PreparedEni("node " + name, primary, node.securityGroups(), null));
  }

  private void eni(EniSpec eni) {
    Subnet subnet = subnetOf(eni.privateIp(), "eni " + eni.name());
    String id =
        ec2.createNetworkInterface(
                r ->
                    r.subnetId(subnet.subnetId())
                        .privateIpAddress(eni.privateIp())
                        .groups(groupIds(eni.securityGroups()))
                        .tagSpecifications(
                            tags(ResourceType.NETWORK_INTERFACE, Map.of("Name", eni.name()))))
            .networkInterface()
            .networkInterfaceId();
    for (String ip : eni.secondaryIps()) {
      subnetOf(ip, "eni " + eni.name());
    }
    if (!eni.secondaryIps().isEmpty()) {
      ec2.assignPrivateIpAddresses(
          r -> r.networkInterfaceId(id).privateIpAddresses(eni.secondaryIps()));
    }
    String instance = attachable(eni, subnet) ? attach(id, eni.attachTo()) : null;
    enis.add(new PreparedEni("eni " + eni.name(), id, eni.securityGroups(), instance));
  }

  /** Attached only when it is in its node's zone and carries exactly its node's groups. */
  private boolean attachable(EniSpec eni, Subnet subnet) {
    if (eni.attachTo() == null) {
      return false;
    }
    NodeSpec node = spec.nodes().get(eni.attachTo());
    if (node == null) {
      throw new IllegalArgumentException(
          "network.json: eni " + eni.name() + " is attached to " + eni.attachTo() + ", no node");
    }
    return subnet.availabilityZone().equals(instanceZones.get(eni.attachTo()))
        && Set.copyOf(node.securityGroups()).equals(new HashSet<>(eni.securityGroups()));
  }

  private String attach(String eniId, String node) {
    String instance = instanceIds.get(node);
    int index = nextDeviceIndex.merge(node, 1, Integer::sum) - 1;
    ec2.attachNetworkInterface(
        r -> r.networkInterfaceId(eniId).instanceId(instance).deviceIndex(index));
    return instance;
  }

  private Subnet subnetOf(String ip, String what) {
    Cidr address = Cidr.parse(ip);
    return subnets.stream()
        .filter(s -> Cidr.parse(s.cidrBlock()).contains(address))
        .max((a, b) -> Integer.compare(prefix(a), prefix(b)))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "network.json: " + what + "'s address " + ip + " lies in no subnet"));
  }

  private static int prefix(Subnet s) {
    return Cidr.parse(s.cidrBlock()).prefix();
  }

  private List<String> groupIds(List<String> roles) {
    return roles.stream().map(this::groupId).toList();
  }

  /** A role's group, or a literal {@code sg-…} as it is. */
  private String groupId(String roleOrId) {
    String id = groupIds.get(roleOrId);
    if (id != null) {
      return id;
    }
    if (roleOrId.startsWith("sg-")) {
      return roleOrId;
    }
    throw new IllegalArgumentException("network.json: no security group has the role " + roleOrId);
  }

  private Filter vpcFilter() {
    return Filter.builder().name("vpc-id").values(world.vpcId()).build();
  }

  private static TagSpecification tags(ResourceType type, Map<String, String> tags) {
    return TagSpecification.builder()
        .resourceType(type)
        .tags(
            tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList())
        .build();
  }
}
