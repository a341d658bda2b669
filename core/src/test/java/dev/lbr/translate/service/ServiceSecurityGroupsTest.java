package dev.lbr.translate.service;

import static dev.lbr.translate.service.ServiceAnnotation.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.ObjectMeta;
import dev.lbr.model.ClusterFacts;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.NetworkingPort;
import dev.lbr.model.SecurityGroupInfo;
import dev.lbr.model.SecurityGroupRule;
import dev.lbr.model.TargetGroupNetworking;
import dev.lbr.translate.common.Naming;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The NLB's security groups and its targets' networking, as LBC v2.6+ builds them. */
class ServiceSecurityGroupsTest {

  private static DesiredStack build(UnaryOperator<Fixtures.Svc> svc) {
    return build(svc, Fixtures.facts());
  }

  private static DesiredStack build(UnaryOperator<Fixtures.Svc> svc, ClusterFacts facts) {
    return ServiceModelBuilder.build(
        svc.apply(Fixtures.service()).build(), Fixtures.slices(), Fixtures.nodes(), facts);
  }

  private static List<SecurityGroupRule> rules(DesiredStack stack) {
    return stack.securityGroup().orElseThrow().ingress();
  }

  @Test
  void aNewNlbGetsAManagedGroupOpeningItsPortsToEveryoneAndTheBackendGroup() {
    DesiredStack stack = build(s -> s);
    assertThat(rules(stack)).containsExactly(SecurityGroupRule.tcp(80, "0.0.0.0/0"));
    assertThat(stack.securityGroup().orElseThrow().tags())
        .containsEntry("service.k8s.aws/resource", "ManagedLBSecurityGroup")
        .containsEntry("service.k8s.aws/stack", "default/echo");
    assertThat(stack.networking().backendSecurityGroup()).isTrue();
    assertThat(stack.networking().targetGroups())
        .containsExactly(
            new TargetGroupNetworking(
                "default/echo:80",
                "ip",
                List.of(new NetworkingPort("tcp", null)),
                List.of(TargetGroupNetworking.BACKEND)));
  }

  @Test
  void sourceRangesReplaceTheOpenRuleAndTheSpecWinsOverTheAnnotation() {
    DesiredStack stack =
        build(
            s ->
                s.sourceRanges("10.0.0.0/8", "192.168.0.0/16")
                    .annotation(SOURCE_RANGES, "172.16.0.0/12"));
    assertThat(rules(stack))
        .containsExactly(
            SecurityGroupRule.tcp(80, "10.0.0.0/8"), SecurityGroupRule.tcp(80, "192.168.0.0/16"));
    assertThat(rules(build(s -> s.annotation(SOURCE_RANGES, "172.16.0.0/12"))))
        .containsExactly(SecurityGroupRule.tcp(80, "172.16.0.0/12"));
  }

  @Test
  void aDualstackNlbAlsoOpensToIpv6AndIcmpForPathMtuWhenAsked() {
    DesiredStack stack =
        build(
            s ->
                s.annotation(IP_ADDRESS_TYPE, "dualstack")
                    .annotation(ICMP_PATH_MTU, "on")
                    .port("dns", "UDP", 53, "5353"));
    assertThat(rules(stack))
        .contains(
            SecurityGroupRule.tcp(80, "::/0"),
            new SecurityGroupRule("icmp", 3, 4, "0.0.0.0/0", null),
            new SecurityGroupRule("icmpv6", 2, 0, "::/0", null),
            new SecurityGroupRule("udp", 53, 53, "0.0.0.0/0", null));
  }

  @Test
  void prefixListsAloneOpenNoCidr() {
    DesiredStack stack = build(s -> s.annotation(SG_PREFIX_LISTS, "pl-1,pl-2"));
    assertThat(rules(stack))
        .containsExactly(
            new SecurityGroupRule("tcp", 80, 80, null, "pl-1"),
            new SecurityGroupRule("tcp", 80, 80, null, "pl-2"));
  }

  @Test
  void userGroupsReplaceTheManagedOneAndTheBackendGroupOnlyWithManagedRules() {
    ClusterFacts facts =
        new ClusterFacts(
            Fixtures.CLUSTER,
            "ap-northeast-2",
            Fixtures.VPC,
            Fixtures.defaultSubnets(),
            List.of(new SecurityGroupInfo("sg-named", "web", Fixtures.VPC)));
    DesiredStack plain = build(s -> s.annotation(SECURITY_GROUPS, "sg-1, web"), facts);
    assertThat(plain.securityGroup()).isEmpty();
    assertThat(plain.loadBalancer().orElseThrow().securityGroupIds())
        .containsExactly("sg-1", "sg-named");
    assertThat(plain.networking().backendSecurityGroup()).isFalse();
    assertThat(plain.networking().targetGroups()).isEmpty();

    DesiredStack managed =
        build(
            s -> s.annotation(SECURITY_GROUPS, "sg-1").annotation(MANAGE_BACKEND_SG_RULES, "true"),
            facts);
    assertThat(managed.networking().backendSecurityGroup()).isTrue();
    assertThat(
            managed.withBackendGroup("sg-backend").loadBalancer().orElseThrow().securityGroupIds())
        .containsExactly("sg-1", "sg-backend");
  }

  @Test
  void disablingNlbSecurityGroupsFallsBackToCidrRulesOnTheTargets() {
    DesiredStack stack = build(s -> s.annotation(DISABLE_NLB_SG, "true"));
    assertThat(stack.securityGroup()).isEmpty();
    assertThat(stack.networking().backendSecurityGroup()).isFalse();
    // ip targets without preserved client IPs: traffic (and health checks) from the NLB's subnets
    TargetGroupNetworking tg = stack.networking().targetGroups().get(0);
    assertThat(tg.peers()).isNotEmpty().noneMatch(p -> p.equals("0.0.0.0/0"));
    assertThat(tg.ports()).containsExactly(new NetworkingPort("tcp", null));
  }

  @Test
  void anExistingNlbWithoutGroupsKeepsNoneAndGetsTheCidrRules() {
    DesiredStack stack =
        build(s -> s.sourceRanges("10.0.0.0/8")).withoutLoadBalancerSecurityGroups();
    assertThat(stack.securityGroup()).isEmpty();
    assertThat(stack.loadBalancer().orElseThrow().securityGroupIds()).isEmpty();
    assertThat(stack.networking().backendSecurityGroup()).isFalse();
    assertThat(stack.networking().targetGroups()).isNotEmpty();
  }

  @Test
  void namesFollowLbc() {
    assertThat(Naming.backendSecurityGroup("scen")).isEqualTo("k8s-traffic-scen-1a6fd08d24");
    ClusterFacts facts =
        new ClusterFacts("scen", "us-east-1", Fixtures.VPC, Fixtures.defaultSubnets());
    assertThat(
            ServiceSecurityGroups.name(
                ServiceContext.of(
                    new K8sService(
                        new ObjectMeta(
                            "shop",
                            "checkout",
                            "7b1c2d3e-0009-4a5b-9c8d-000000000091",
                            "1",
                            null,
                            Map.of(),
                            null,
                            null),
                        Fixtures.service().build().spec()),
                    facts)))
        .isEqualTo("k8s-shop-checkout-20d1e89ad4");
  }
}
