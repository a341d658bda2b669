package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.emulator.EmulatorWorld;
import dev.lbr.emulator.EmulatorWorld.World;
import dev.lbr.model.Subnet;
import dev.lbr.testing.EmulatedAccount;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The EC2 and ACM gateways, on the world {@link EmulatorWorld} prepares. */
class SdkEc2AndAcmGatewayTest {
  private EmulatedAccount account;

  @BeforeEach
  void setUp() {
    account = EmulatedAccount.fresh();
  }

  @AfterEach
  void tearDown() {
    account.close();
  }

  @Test
  void theWorldHasThreePublicAndThreePrivateSubnetsWithDiscoveryTags() {
    World world = account.world;
    List<Subnet> subnets = new SdkEc2Gateway(account.clients.ec2()).subnets(world.vpcId());

    String clusterTag = "kubernetes.io/cluster/" + EmulatedAccount.CLUSTER;
    List<Subnet> publics =
        subnets.stream().filter(s -> "1".equals(s.tags().get("kubernetes.io/role/elb"))).toList();
    List<Subnet> privates =
        subnets.stream()
            .filter(s -> "1".equals(s.tags().get("kubernetes.io/role/internal-elb")))
            .toList();
    assertThat(publics)
        .extracting(Subnet::id)
        .containsExactlyInAnyOrderElementsOf(world.publicSubnetIds());
    assertThat(privates)
        .extracting(Subnet::id)
        .containsExactlyInAnyOrderElementsOf(world.privateSubnetIds());
    for (List<Subnet> group : List.of(publics, privates)) {
      assertThat(group)
          .extracting(Subnet::availabilityZone)
          .containsExactlyInAnyOrderElementsOf(world.availabilityZones());
      assertThat(group)
          .allSatisfy(
              s -> {
                assertThat(s.vpcId()).isEqualTo(world.vpcId());
                assertThat(s.cidrBlock()).startsWith("192.168.");
                assertThat(s.availableIpAddressCount()).isGreaterThan(8);
                assertThat(s.tags()).containsEntry(clusterTag, "shared").containsKey("Name");
              });
    }
  }

  @Test
  void withoutAVpcEverySubnetOfTheAccountIsListed() {
    List<Subnet> all = new SdkEc2Gateway(account.clients.ec2()).subnets(null);
    assertThat(all)
        .extracting(Subnet::id)
        .containsAll(account.world.publicSubnetIds())
        .containsAll(account.world.privateSubnetIds());
  }

  @Test
  void preparingTheWorldAgainFindsWhatIsThere() {
    World again =
        EmulatorWorld.prepare(
            account.clients.ec2(), account.clients.acm(), EmulatedAccount.CLUSTER);
    assertThat(again).isEqualTo(account.world);
  }

  @Test
  void theImportedCertificateExistsAndAnUnknownOneDoesNot() {
    SdkAcmGateway acm = new SdkAcmGateway(account.clients.acm());
    String unknown =
        account
            .world
            .certificateArn()
            .replaceAll("[0-9a-f-]{36}$", "00000000-0000-0000-0000-000000000000");

    assertThat(acm.certificateExists(account.world.certificateArn())).isTrue();
    assertThat(acm.certificateExists(unknown)).isFalse();
  }
}
