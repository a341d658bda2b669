package dev.lbr.describe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.aws.ClusterInventory;
import dev.lbr.aws.ClusterInventory.Inventory;
import dev.lbr.aws.ClusterInventory.LoadBalancerResources;
import dev.lbr.aws.ClusterInventory.StackResources;
import dev.lbr.model.ActualListener;
import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.HealthCheck;
import dev.lbr.model.Target;
import dev.lbr.state.Checkpoint;
import dev.lbr.state.CheckpointStore;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What exists for a cluster, in the scenarios' expected-state format (scenarios/README.md): load
 * balancers by stack with their security group ids, listeners and rules, target groups by key
 * ({@code tg:<resource id>}) with health checks, attributes and targets, and the stacks' recorded
 * errors. {@code lbr describe -o json} prints it; the scenario tests compare it with the
 * expectations.
 */
public final class StateView {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private StateView() {}

  /**
   * Everything tagged for {@code cluster}, with the stacks' recorded errors ({@code lbr describe}).
   */
  public static ObjectNode read(
      ClusterInventory inventory, CheckpointStore checkpoints, String cluster) {
    return render(inventory.read(cluster, true), checkpoints.list());
  }

  public static ObjectNode render(Inventory inventory, List<Checkpoint> checkpoints) {
    ObjectNode root = F.objectNode();
    ArrayNode lbs = root.putArray("loadBalancers");
    ArrayNode tgs = root.putArray("targetGroups");
    for (StackResources stack : inventory.stacks()) {
      Map<String, String> keyByArn = new HashMap<>();
      for (ActualTargetGroup tg : stack.targetGroups()) {
        keyByArn.put(tg.arn(), key(tg, stack));
      }
      for (LoadBalancerResources lb : stack.loadBalancers()) {
        lbs.add(loadBalancer(stack, lb, keyByArn));
      }
      stack.targetGroups().stream()
          .sorted(Comparator.comparing(tg -> key(tg, stack)))
          .forEach(tg -> tgs.add(targetGroup(tg, key(tg, stack), stack.targets().get(tg.arn()))));
    }
    ArrayNode errors = root.putArray("errors");
    checkpoints.stream()
        .filter(cp -> cp.lastError() != null && cp.status() != Checkpoint.Status.OK)
        .sorted(Comparator.comparing(cp -> cp.stackId().value()))
        .forEach(
            cp ->
                errors
                    .addObject()
                    .put("stack", cp.stackId().name())
                    .put("status", cp.status().name())
                    .put("message", cp.lastError()));
    return root;
  }

  /** {@code tg:<resource id>}: the scenarios' name for a target group. */
  static String key(ActualTargetGroup tg, StackResources stack) {
    String resourceId = tg.tags().get(stack.id().resourceTagKey());
    return "tg:" + (resourceId != null ? resourceId : tg.name());
  }

  private static ObjectNode loadBalancer(
      StackResources stack, LoadBalancerResources lbr, Map<String, String> keyByArn) {
    var lb = lbr.loadBalancer();
    ObjectNode node = F.objectNode();
    node.put("stack", stack.id().name());
    node.put("name", lb.name());
    node.put("type", lb.type().api());
    node.put("scheme", lb.scheme());
    node.put("ipAddressType", lb.ipAddressType());
    node.put("dnsName", lb.dnsName());
    node.put("arn", lb.arn());
    node.set(
        "subnets",
        F.arrayNode().addAll(lb.subnetIds().stream().sorted().map(F::textNode).toList()));
    node.set(
        "securityGroups",
        F.arrayNode().addAll(lb.securityGroupIds().stream().sorted().map(F::textNode).toList()));
    node.set("attributes", strings(lb.attributes()));
    ArrayNode listeners = node.putArray("listeners");
    lbr.listeners().stream()
        .sorted(Comparator.comparingInt(ActualListener::port))
        .forEach(l -> listeners.add(listener(l, keyByArn)));
    return node;
  }

  private static ObjectNode listener(ActualListener l, Map<String, String> keyByArn) {
    ObjectNode node = F.objectNode();
    node.put("port", l.port());
    node.put("protocol", l.protocol());
    if (!l.certificateArns().isEmpty()) {
      node.set(
          "certificates",
          F.arrayNode().addAll(l.certificateArns().stream().map(F::textNode).toList()));
    }
    if (l.sslPolicy() != null) {
      node.put("sslPolicy", l.sslPolicy());
    }
    if (l.alpnPolicy() != null) {
      node.put("alpnPolicy", l.alpnPolicy());
    }
    node.set("defaultActions", ActionView.actions(l.defaultActions(), keyByArn));
    ArrayNode rules = node.putArray("rules");
    l.rules().stream()
        .sorted(Comparator.comparingInt(ActualListener.ActualRule::priority))
        .forEach(
            r -> {
              ObjectNode rule = rules.addObject();
              rule.put("priority", r.priority());
              rule.set("conditions", ActionView.conditions(r.conditions()));
              rule.set("actions", ActionView.actions(r.actions(), keyByArn));
            });
    return node;
  }

  private static ObjectNode targetGroup(ActualTargetGroup tg, String key, Set<Target> targets) {
    ObjectNode node = F.objectNode();
    node.put("key", key);
    node.put("name", tg.name());
    node.put("protocol", tg.protocol());
    node.put("port", tg.port());
    node.put("targetType", tg.targetType());
    HealthCheck hc = tg.healthCheck();
    if (hc != null) {
      ObjectNode h = node.putObject("healthCheck");
      h.put("protocol", hc.protocol());
      h.put("port", hc.port());
      if (hc.path() != null) {
        h.put("path", hc.path());
      }
      h.put("intervalSeconds", hc.intervalSeconds());
      h.put("timeoutSeconds", hc.timeoutSeconds());
      h.put("healthyThreshold", hc.healthyThreshold());
      h.put("unhealthyThreshold", hc.unhealthyThreshold());
      if (hc.matcher() != null) {
        h.put("matcher", hc.matcher());
      }
    }
    node.set("attributes", strings(tg.attributes()));
    ArrayNode list = node.putArray("targets");
    if (targets != null) {
      targets.stream()
          .sorted()
          .forEach(t -> list.addObject().put("id", t.id()).put("port", t.port()));
    }
    return node;
  }

  private static ObjectNode strings(Map<String, String> map) {
    ObjectNode node = F.objectNode();
    new TreeMap<>(map).forEach(node::put);
    return node;
  }
}
