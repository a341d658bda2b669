package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.ActualSecurityGroup;
import dev.lbr.model.SecurityGroupInfo;
import dev.lbr.model.SecurityGroupRule;
import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.testing.EmulatedAccount;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The security group calls of {@link SdkEc2Gateway}, against the emulator. */
class SdkEc2GatewaySecurityGroupTest {
  static final SdkEc2Gateway.DeletionWait SHORT_WAIT =
      new SdkEc2Gateway.DeletionWait(
          Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMillis(500));
  private static final SecurityGroupRule HTTP_V4 = SecurityGroupRule.tcp(80, "0.0.0.0/0");
  private static final SecurityGroupRule HTTP_V6 = SecurityGroupRule.tcp(80, "::/0");
  private static final SecurityGroupRule HTTPS_V4 = SecurityGroupRule.tcp(443, "10.0.0.0/8");

  private EmulatedAccount account;
  private SdkEc2Gateway ec2;
  private Map<String, String> tags;

  @BeforeEach
  void setUp() {
    account = EmulatedAccount.fresh();
    ec2 = new SdkEc2Gateway(account.clients.ec2(), SHORT_WAIT);
    tags = Specs.tags(Specs.GAME, SecurityGroupSpec.RESOURCE_ID);
  }

  @AfterEach
  void tearDown() {
    account.close();
  }

  private SecurityGroupSpec spec(String name, Map<String, String> tags) {
    return new SecurityGroupSpec(
        name, SecurityGroupSpec.DESCRIPTION, account.world.vpcId(), List.of(), tags);
  }

  @Test
  void aGroupIsCreatedWithItsTagsOpenedToIpv4AndIpv6ReadBackRevokedAndDeleted() {
    String id = ec2.createSecurityGroup(spec("k8s-game-game2048-0123456789", tags));
    assertThat(account.calls.count(CallCounter.EC2, "CreateSecurityGroup")).isEqualTo(1);
    assertThat(account.calls.count(CallCounter.EC2, "CreateTags")).isZero();

    ec2.authorizeIngress(id, List.of(HTTP_V4, HTTP_V6, HTTPS_V4));
    List<ActualSecurityGroup> found = ec2.securityGroupsTagged(tags);

    assertThat(found).hasSize(1);
    ActualSecurityGroup sg = found.get(0);
    assertThat(sg.groupId()).isEqualTo(id);
    assertThat(sg.name()).isEqualTo("k8s-game-game2048-0123456789");
    assertThat(sg.vpcId()).isEqualTo(account.world.vpcId());
    assertThat(sg.tags()).containsAllEntriesOf(tags);
    assertThat(sg.ingress()).containsExactlyInAnyOrder(HTTP_V4, HTTP_V6, HTTPS_V4);

    ec2.revokeIngress(id, List.of(HTTP_V6, HTTPS_V4));
    assertThat(ec2.securityGroupsTagged(tags).get(0).ingress()).containsExactly(HTTP_V4);

    ec2.deleteSecurityGroup(id);
    assertThat(ec2.securityGroupsTagged(tags)).isEmpty();
  }

  @Test
  void deletingOrRevokingOnAGroupThatIsGoneIsDone() {
    String id = ec2.createSecurityGroup(spec("gone", tags));
    ec2.deleteSecurityGroup(id);

    ec2.deleteSecurityGroup(id);
    ec2.revokeIngress(id, List.of(HTTP_V4));

    assertThat(ec2.securityGroupsTagged(tags)).isEmpty();
  }

  @Test
  void revokingARuleThatIsNotThereIsDone() {
    String id = ec2.createSecurityGroup(spec("sg", tags));
    ec2.authorizeIngress(id, List.of(HTTP_V4));

    ec2.revokeIngress(id, List.of(HTTPS_V4));

    assertThat(ec2.securityGroupsTagged(tags).get(0).ingress()).containsExactly(HTTP_V4);
  }

  @Test
  void theTagScanNeedsEveryTagAndTagsCanBeAddedAndRemoved() {
    String ours = ec2.createSecurityGroup(spec("ours", tags));
    ec2.createSecurityGroup(spec("other-cluster", Specs.tags("other", Specs.GAME, "x")));
    ec2.createSecurityGroup(spec("untagged", Map.of()));

    ec2.addTags(ours, Map.of("team", "edge"));
    ec2.removeTags(ours, Set.of(Specs.GAME.resourceTagKey()));

    assertThat(ec2.securityGroupsTagged(tags)).isEmpty();
    Map<String, String> withTeam =
        Map.of("team", "edge", Specs.GAME.stackTagKey(), "game/game-2048");
    assertThat(ec2.securityGroupsTagged(withTeam))
        .extracting(ActualSecurityGroup::groupId)
        .containsExactly(ours);
  }

  @Test
  void theVpcsGroupsAreListedWithTheirNames() {
    String id = ec2.createSecurityGroup(spec("listed", tags));

    assertThat(ec2.securityGroups(account.world.vpcId()))
        .contains(new SecurityGroupInfo(id, "listed", account.world.vpcId()))
        .allSatisfy(g -> assertThat(g.vpcId()).isEqualTo(account.world.vpcId()));
  }
}
