package dev.lbr.plan;

import dev.lbr.model.ActualLoadBalancer;
import dev.lbr.model.ActualSecurityGroup;
import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.LoadBalancerType;
import dev.lbr.model.SecurityGroupRule;
import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.model.StackId;
import dev.lbr.model.StackKind;
import dev.lbr.model.Tags;
import dev.lbr.model.TargetGroupSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Ingress stack ({@code game/game-2048}: one ALB, HTTP:80 → target group, two pods) with a
 * managed security group opening port 80 to 0.0.0.0/0 and ::/0, and {@link #actualOf} to read it
 * back the way EC2 and ELBv2 return it.
 */
public final class SecurityGroupFixtures {
  public static final StackId ID = new StackId(StackKind.INGRESS, "game/game-2048");
  public static final String TG = "game/game-2048-service-2048:80";
  public static final String SG_ID = "sg-0managed";

  private SecurityGroupFixtures() {}

  public static Map<String, String> tags(String resourceId) {
    return Map.of(
        Tags.CLUSTER, "demo", ID.stackTagKey(), ID.name(), ID.resourceTagKey(), resourceId);
  }

  public static SecurityGroupSpec securityGroup(SecurityGroupRule... rules) {
    return new SecurityGroupSpec(
        "k8s-game-game2048-0123456789",
        SecurityGroupSpec.DESCRIPTION,
        "vpc-1",
        List.of(rules),
        tags(SecurityGroupSpec.RESOURCE_ID));
  }

  public static SecurityGroupSpec securityGroup() {
    return securityGroup(SecurityGroupRule.tcp(80, "0.0.0.0/0"), SecurityGroupRule.tcp(80, "::/0"));
  }

  public static LoadBalancerSpec alb(List<String> userGroups) {
    return new LoadBalancerSpec(
        "k8s-game-game2048-0123456789",
        LoadBalancerType.APPLICATION,
        "internet-facing",
        "dualstack",
        List.of("subnet-a", "subnet-b"),
        userGroups,
        Map.of("idle_timeout.timeout_seconds", "60"),
        tags(ResourceKeys.LOAD_BALANCER));
  }

  public static TargetGroupSpec tg() {
    return new TargetGroupSpec(
        TG,
        "k8s-game-service-0123456789",
        "ip",
        "HTTP",
        "HTTP1",
        80,
        "ipv4",
        "vpc-1",
        new dev.lbr.model.HealthCheck("HTTP", "traffic-port", "/", 15, 5, 2, 2, "200"),
        Map.of(),
        tags(TG));
  }

  /** With the managed group, or with the user's groups instead when {@code userGroups} is set. */
  public static DesiredStack stack(Optional<SecurityGroupSpec> sg, List<String> userGroups) {
    return new DesiredStack(
        ID,
        Optional.of(alb(userGroups)),
        List.of(tg()),
        List.of(StackFixtures.listener(80, "HTTP", TG)),
        Map.of(TG, StackFixtures.pods(2)),
        sg);
  }

  public static DesiredStack base() {
    return stack(Optional.of(securityGroup()), List.of());
  }

  /**
   * As read back: the group (id {@link #SG_ID}) with its rules in another order, the load balancer
   * using the managed group first, then the spec's groups.
   */
  public static ActualStack actualOf(DesiredStack d) {
    ActualStack a = StackFixtures.actualOf(d);
    Optional<ActualSecurityGroup> sg = d.securityGroup().map(SecurityGroupFixtures::actualOf);
    List<String> groups = new ArrayList<>();
    sg.ifPresent(g -> groups.add(g.groupId()));
    d.loadBalancer().ifPresent(lb -> groups.addAll(lb.securityGroupIds()));
    Optional<ActualLoadBalancer> lb = a.loadBalancer().map(l -> withSecurityGroups(l, groups));
    return new ActualStack(d.id(), lb, a.listeners(), a.targetGroups(), a.targets(), sg);
  }

  public static ActualSecurityGroup actualOf(SecurityGroupSpec spec) {
    return new ActualSecurityGroup(
        SG_ID, spec.name(), spec.vpcId(), spec.ingress().reversed(), spec.tags());
  }

  public static ActualStack withSecurityGroup(ActualStack a, Optional<ActualSecurityGroup> sg) {
    return new ActualStack(
        a.id(), a.loadBalancer(), a.listeners(), a.targetGroups(), a.targets(), sg);
  }

  public static ActualLoadBalancer withSecurityGroups(ActualLoadBalancer l, List<String> groups) {
    return new ActualLoadBalancer(
        l.arn(),
        l.name(),
        l.type(),
        l.scheme(),
        l.ipAddressType(),
        l.dnsName(),
        l.vpcId(),
        l.subnetIds(),
        groups,
        l.attributes(),
        l.tags());
  }

  public static Ref managedRef() {
    return Ref.existing(SG_ID, SecurityGroupSpec.RESOURCE_ID);
  }

  public static Ref pendingRef() {
    return Ref.pending(SecurityGroupSpec.RESOURCE_ID);
  }
}
