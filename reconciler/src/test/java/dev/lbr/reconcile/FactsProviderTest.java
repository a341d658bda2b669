package dev.lbr.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.aws.CallCounter;
import dev.lbr.aws.EksClusterVpc;
import dev.lbr.aws.SdkEc2Gateway;
import dev.lbr.model.ClusterFacts;
import dev.lbr.model.SecurityGroupInfo;
import dev.lbr.testing.EmulatedAccount;
import dev.lbr.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cluster facts carry the VPC's security groups, read once per cache period. */
class FactsProviderTest {
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
  void theVpcsSecurityGroupsAreReadWithTheSubnetsAndCachedWithThem() {
    String vpc = account.world.vpcId();
    String id =
        account
            .clients
            .ec2()
            .createSecurityGroup(r -> r.groupName("team-edge").description("edge").vpcId(vpc))
            .groupId();
    account.calls.reset();
    MutableClock clock = MutableClock.start();
    FactsProvider facts =
        new FactsProvider(
            new SdkEc2Gateway(account.clients.ec2()),
            EmulatedAccount.CLUSTER,
            "us-east-1",
            null,
            clock,
            Duration.ofMinutes(10));

    ClusterFacts first = facts.get();
    clock.advance(Duration.ofMinutes(5));
    ClusterFacts second = facts.get();

    assertThat(first.securityGroups()).contains(new SecurityGroupInfo(id, "team-edge", vpc));
    assertThat(first.securityGroups()).allSatisfy(g -> assertThat(g.vpcId()).isEqualTo(vpc));
    assertThat(second).isSameAs(first);
    assertThat(account.calls.count(CallCounter.EC2, "DescribeSecurityGroups")).isEqualTo(1);
    assertThat(account.calls.count(CallCounter.EC2, "DescribeSubnets")).isEqualTo(1);
  }

  @Test
  void withoutAConfiguredVpcTheClustersVpcComesFromEksBeforeTheSubnetTags() {
    String other = account.clients.ec2().createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
    FactsProvider facts =
        new FactsProvider(
            new SdkEc2Gateway(account.clients.ec2()),
            EmulatedAccount.CLUSTER,
            "us-east-1",
            null,
            () -> Optional.of(other),
            MutableClock.start(),
            Duration.ofMinutes(10));

    assertThat(facts.get().vpcId()).isEqualTo(other);
  }

  @Test
  void whenEksCannotTellTheTaggedSubnetsDecide() {
    FactsProvider facts =
        new FactsProvider(
            new SdkEc2Gateway(account.clients.ec2()),
            EmulatedAccount.CLUSTER,
            "us-east-1",
            null,
            new EksClusterVpc(account.clients::eks, EmulatedAccount.CLUSTER),
            MutableClock.start(),
            Duration.ofMinutes(10));

    assertThat(facts.get().vpcId()).isEqualTo(account.world.vpcId());
  }
}
