package dev.lbr.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.aws.CallCounter;
import dev.lbr.aws.SdkEc2Gateway;
import dev.lbr.aws.SdkTargetNetworkGateway;
import dev.lbr.model.Permission;
import dev.lbr.model.StackId;
import dev.lbr.state.DynamoNetworkStore;
import dev.lbr.state.NetworkStore.StackRules;
import dev.lbr.testing.DynamoDbLocal;
import dev.lbr.testing.EmulatedAccount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * The cluster's rules on a node group, on the emulator: ours come and go with the shares; rules
 * that are not ours stay, even those carrying LBC's label, and an untagged group is never touched.
 */
class ClusterNetworkEmulatorTest {
  private static final StackId A = StackId.service("shop", "a");
  private static final StackId B = new StackId(dev.lbr.model.StackKind.INGRESS, "shop/b");

  private EmulatedAccount account;
  private Ec2Client ec2;
  private SdkTargetNetworkGateway gateway;
  private BackendGroup backend;
  private ClusterNetwork network;
  private String nodes;
  private String decoy;
  private String foreign;

  @BeforeEach
  void setUp() {
    account = EmulatedAccount.fresh();
    ec2 = account.clients.ec2();
    gateway = new SdkTargetNetworkGateway(ec2, SdkEc2Gateway.DeletionWait.DEFAULT);
    backend = new BackendGroup(gateway, EmulatedAccount.CLUSTER);
    network =
        new ClusterNetwork(
            new DynamoNetworkStore(
                DynamoDbLocal.client(), DynamoDbLocal.freshTable(), EmulatedAccount.CLUSTER),
            gateway,
            backend,
            EmulatedAccount.CLUSTER);
    nodes = group("nodes", Map.of("kubernetes.io/cluster/" + EmulatedAccount.CLUSTER, "owned"));
    decoy = group("decoy", Map.of("Name", "decoy"));
    foreign = group("other-clusters-backend", Map.of("Name", "other"));
    // hand-made rules: ssh, and a rule with LBC's label from another controller's group
    ec2.authorizeSecurityGroupIngress(
        r ->
            r.groupId(nodes)
                .ipPermissions(
                    IpPermission.builder()
                        .ipProtocol("tcp")
                        .fromPort(22)
                        .toPort(22)
                        .ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").description("ssh").build())
                        .build(),
                    IpPermission.builder()
                        .ipProtocol("tcp")
                        .fromPort(9000)
                        .toPort(9000)
                        .userIdGroupPairs(
                            UserIdGroupPair.builder()
                                .groupId(foreign)
                                .description(Permission.LABEL)
                                .build())
                        .build()));
    ec2.authorizeSecurityGroupIngress(
        r ->
            r.groupId(decoy)
                .ipPermissions(
                    IpPermission.builder()
                        .ipProtocol("tcp")
                        .fromPort(9090)
                        .toPort(9090)
                        .ipRanges(
                            IpRange.builder()
                                .cidrIp("10.0.0.0/8")
                                .description(Permission.LABEL)
                                .build())
                        .build()));
  }

  @AfterEach
  void tearDown() {
    account.close();
  }

  private String group(String name, Map<String, String> tags) {
    return ec2.createSecurityGroup(
            r ->
                r.groupName(name)
                    .description(name)
                    .vpcId(account.world.vpcId())
                    .tagSpecifications(
                        t ->
                            t.resourceType("security-group")
                                .tags(
                                    tags.entrySet().stream()
                                        .map(
                                            e ->
                                                Tag.builder()
                                                    .key(e.getKey())
                                                    .value(e.getValue())
                                                    .build())
                                        .toList())))
        .groupId();
  }

  private List<Permission> rules(String group) {
    return gateway.ingressRules(List.of(group)).get(group);
  }

  private StackRules share(String backendId, int from, int to) {
    return new StackRules(
        true, Map.of(nodes, List.of(Permission.fromGroup("tcp", from, to, backendId))));
  }

  @Test
  void sharesAreMergedAppliedAndRevokedWithoutTouchingWhatIsNotOurs() {
    String vpc = account.world.vpcId();
    String backendId = backend.ensure(vpc);
    List<Permission> before = rules(nodes);
    List<Permission> decoyBefore = rules(decoy);

    network.sync(A, share(backendId, 31080, 32456), vpc);
    network.sync(B, share(backendId, 8080, 8080), vpc);
    assertThat(rules(nodes))
        .containsAll(before)
        .contains(Permission.fromGroup("tcp", 8080, 32456, backendId))
        .hasSize(before.size() + 1);

    network.sync(B, new StackRules(false, Map.of()), vpc);
    assertThat(rules(nodes))
        .containsAll(before)
        .contains(Permission.fromGroup("tcp", 31080, 32456, backendId))
        .hasSize(before.size() + 1);

    network.sync(A, new StackRules(false, Map.of()), vpc);
    assertThat(rules(nodes)).containsExactlyInAnyOrderElementsOf(before);
    assertThat(rules(decoy)).containsExactlyInAnyOrderElementsOf(decoyBefore);
    assertThat(backend.find(vpc)).as("the last share gone, the backend group goes").isEmpty();
  }

  @Test
  void anUnchangedShareOfASettledClusterCostsNoEc2Call() {
    String vpc = account.world.vpcId();
    String backendId = backend.ensure(vpc);
    network.sync(A, share(backendId, 8080, 8080), vpc);
    account.calls.reset();

    network.sync(A, share(backendId, 8080, 8080), vpc);

    assertThat(account.calls.total(CallCounter.EC2)).isZero();
  }
}
