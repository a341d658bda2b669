package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.ActualLoadBalancer;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.LoadBalancerType;
import dev.lbr.model.Tags;
import dev.lbr.testing.EmulatedAccount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SdkElbGatewayLoadBalancerTest {
  private static final String MISSING_LB =
      "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/missing/0123456789abcdef";

  private EmulatedAccount account;
  private SdkElbGateway elb;

  @BeforeEach
  void setUp() {
    account = EmulatedAccount.fresh();
    elb = account.elb;
  }

  @AfterEach
  void tearDown() {
    account.close();
  }

  @Test
  void aNetworkLoadBalancerIsCreatedWithTagsAndAttributesAndReadsBackTheSame() {
    Map<String, String> tags = Specs.tags(Specs.ECHO, Tags.LOAD_BALANCER_RESOURCE);
    LoadBalancerSpec spec =
        new LoadBalancerSpec(
            "k8s-default-echo-0123456789",
            LoadBalancerType.NETWORK,
            "internet-facing",
            "ipv4",
            account.world.publicSubnetIds(),
            null,
            Map.of("load_balancing.cross_zone.enabled", "true"),
            tags);

    String arn = elb.createLoadBalancer(spec);
    elb.modifyLoadBalancerAttributes(arn, spec.attributes());
    ActualLoadBalancer lb = elb.loadBalancer(arn).orElseThrow();

    assertThat(lb.arn()).isEqualTo(arn);
    assertThat(lb.name()).isEqualTo(spec.name());
    assertThat(lb.type()).isEqualTo(LoadBalancerType.NETWORK);
    assertThat(lb.scheme()).isEqualTo("internet-facing");
    assertThat(lb.ipAddressType()).isEqualTo("ipv4");
    assertThat(lb.vpcId()).isEqualTo(account.world.vpcId());
    assertThat(lb.dnsName()).isNotBlank();
    assertThat(lb.subnetIds()).containsExactlyInAnyOrderElementsOf(spec.subnetIds());
    assertThat(lb.attributes()).containsEntry("load_balancing.cross_zone.enabled", "true");
    assertThat(lb.tags()).containsAllEntriesOf(tags);
    assertThat(account.calls.count(CallCounter.ELBV2, "CreateLoadBalancer")).isEqualTo(1);
    assertThat(account.calls.count(CallCounter.ELBV2, "AddTags")).isZero();
  }

  @Test
  void anApplicationLoadBalancerKeepsItsSecurityGroupsAndInternalScheme() {
    String sg = securityGroup("k8s-game-sg");
    LoadBalancerSpec spec =
        new LoadBalancerSpec(
            "k8s-game-game2048-0123456789",
            LoadBalancerType.APPLICATION,
            "internal",
            "ipv4",
            account.world.privateSubnetIds(),
            List.of(sg),
            Map.of(),
            Specs.tags(Specs.GAME, Tags.LOAD_BALANCER_RESOURCE));

    ActualLoadBalancer lb = elb.loadBalancer(elb.createLoadBalancer(spec)).orElseThrow();

    assertThat(lb.type()).isEqualTo(LoadBalancerType.APPLICATION);
    assertThat(lb.scheme()).isEqualTo("internal");
    assertThat(lb.securityGroupIds()).containsExactly(sg);
    assertThat(lb.subnetIds()).containsExactlyInAnyOrderElementsOf(spec.subnetIds());
  }

  @Test
  void theTagScanFindsOnlyLoadBalancersCarryingEveryTag() {
    List<String> subnets = account.world.publicSubnetIds();
    Map<String, String> ours = Specs.tags(Specs.ECHO, Tags.LOAD_BALANCER_RESOURCE);
    String mine = elb.createLoadBalancer(Specs.nlb("mine", subnets, ours));
    elb.createLoadBalancer(
        Specs.nlb("cluster-only", subnets, Map.of(Tags.CLUSTER, EmulatedAccount.CLUSTER)));
    elb.createLoadBalancer(
        Specs.nlb(
            "other-cluster",
            subnets,
            Specs.tags("other", Specs.ECHO, Tags.LOAD_BALANCER_RESOURCE)));
    elb.createLoadBalancer(Specs.nlb("untagged", subnets, Map.of()));

    List<ActualLoadBalancer> found =
        elb.loadBalancersTagged(
            Map.of(
                Tags.CLUSTER,
                EmulatedAccount.CLUSTER,
                Specs.ECHO.stackTagKey(),
                Specs.ECHO.name()));

    assertThat(found).extracting(ActualLoadBalancer::arn).containsExactly(mine);
    assertThat(found.get(0).tags()).containsAllEntriesOf(ours);
  }

  @Test
  void theTagScanReadsTagsTwentyArnsPerCall() {
    List<String> subnets = account.world.publicSubnetIds();
    for (int i = 0; i < 45; i++) {
      elb.createLoadBalancer(
          Specs.nlb("lb-" + i, subnets, Map.of(Tags.CLUSTER, EmulatedAccount.CLUSTER)));
    }
    account.calls.reset();

    assertThat(elb.loadBalancersTagged(Map.of(Tags.CLUSTER, EmulatedAccount.CLUSTER))).hasSize(45);
    assertThat(account.calls.count(CallCounter.ELBV2, "DescribeTags")).isEqualTo(3);
  }

  @Test
  void attributesSubnetsAndIpAddressTypeCanBeChanged() {
    String arn =
        elb.createLoadBalancer(
            Specs.alb(
                "k8s-game-game2048-0123456789",
                account.world.publicSubnetIds(),
                List.of(),
                Map.of()));
    List<String> twoSubnets = account.world.publicSubnetIds().subList(0, 2);

    elb.modifyLoadBalancerAttributes(arn, Map.of("idle_timeout.timeout_seconds", "120"));
    elb.setSubnets(arn, twoSubnets);
    elb.setIpAddressType(arn, "ipv4");

    ActualLoadBalancer lb = elb.loadBalancer(arn).orElseThrow();
    assertThat(lb.attributes()).containsEntry("idle_timeout.timeout_seconds", "120");
    assertThat(lb.subnetIds()).containsExactlyInAnyOrderElementsOf(twoSubnets);
    assertThat(lb.ipAddressType()).isEqualTo("ipv4");
  }

  @Test
  void emptyAttributeChangesMakeNoCall() {
    elb.modifyLoadBalancerAttributes(MISSING_LB, Map.of());
    assertThat(account.calls.total(CallCounter.ELBV2)).isZero();
  }

  @Test
  void aDeletedLoadBalancerIsGoneAndDeletingItAgainIsANoOp() {
    String arn =
        elb.createLoadBalancer(Specs.nlb("gone", account.world.publicSubnetIds(), Map.of()));

    elb.deleteLoadBalancer(arn);
    elb.deleteLoadBalancer(arn);

    assertThat(elb.loadBalancer(arn)).isEmpty();
  }

  @Test
  void anUnknownArnReadsAsEmpty() {
    assertThat(elb.loadBalancer(MISSING_LB)).isEmpty();
    assertThat(elb.listeners(MISSING_LB)).isEmpty();
  }

  private String securityGroup(String name) {
    return account
        .clients
        .ec2()
        .createSecurityGroup(r -> r.groupName(name).description(name).vpcId(account.world.vpcId()))
        .groupId();
  }
}
