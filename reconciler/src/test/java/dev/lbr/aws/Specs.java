package dev.lbr.aws;

import dev.lbr.model.HealthCheck;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.LoadBalancerType;
import dev.lbr.model.StackId;
import dev.lbr.model.StackKind;
import dev.lbr.model.Tags;
import dev.lbr.model.TargetGroupSpec;
import dev.lbr.testing.EmulatedAccount;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Specs the gateway tests create, with LBC's tags. */
final class Specs {
  static final StackId ECHO = StackId.service("default", "echo");
  static final StackId GAME = new StackId(StackKind.INGRESS, "game/game-2048");

  static final HealthCheck TCP_CHECK =
      new HealthCheck("TCP", "traffic-port", null, 10, 10, 3, 3, null);
  static final HealthCheck HTTP_CHECK =
      new HealthCheck("HTTP", "traffic-port", "/healthz", 15, 5, 2, 2, "200-399");

  private Specs() {}

  /** The cluster tag, the stack tag and the resource tag. */
  static Map<String, String> tags(StackId stack, String resource) {
    return tags(EmulatedAccount.CLUSTER, stack, resource);
  }

  static Map<String, String> tags(String cluster, StackId stack, String resource) {
    Map<String, String> tags = new HashMap<>();
    tags.put(Tags.CLUSTER, cluster);
    tags.put(stack.stackTagKey(), stack.name());
    tags.put(stack.resourceTagKey(), resource);
    return tags;
  }

  static LoadBalancerSpec nlb(String name, List<String> subnets, Map<String, String> tags) {
    return new LoadBalancerSpec(
        name, LoadBalancerType.NETWORK, "internet-facing", "ipv4", subnets, null, Map.of(), tags);
  }

  static LoadBalancerSpec alb(
      String name, List<String> subnets, List<String> securityGroups, Map<String, String> tags) {
    return new LoadBalancerSpec(
        name,
        LoadBalancerType.APPLICATION,
        "internet-facing",
        "ipv4",
        subnets,
        securityGroups,
        Map.of(),
        tags);
  }

  static TargetGroupSpec tcpTargetGroup(
      String resourceId, String name, String vpcId, Map<String, String> tags) {
    return new TargetGroupSpec(
        resourceId, name, "ip", "TCP", null, 8080, "ipv4", vpcId, TCP_CHECK, Map.of(), tags);
  }

  static TargetGroupSpec httpTargetGroup(
      String resourceId, String name, String vpcId, Map<String, String> tags) {
    return new TargetGroupSpec(
        resourceId, name, "ip", "HTTP", "HTTP1", 80, "ipv4", vpcId, HTTP_CHECK, Map.of(), tags);
  }
}
