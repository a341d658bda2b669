package dev.lbr.aws;

import dev.lbr.model.ActualListener;
import dev.lbr.model.ActualLoadBalancer;
import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.HealthCheck;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.RuleSpec;
import dev.lbr.model.Target;
import dev.lbr.model.TargetGroupSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An in-memory ELB holding resources for the reader tests; records which reads were made. */
final class RecordingElbReads implements ElbGateway {
  final Map<String, ActualLoadBalancer> loadBalancers = new LinkedHashMap<>();
  final Map<String, ActualTargetGroup> targetGroups = new LinkedHashMap<>();
  final Map<String, Set<Target>> targets = new HashMap<>();
  final List<String> calls = new ArrayList<>();

  long scans() {
    return calls.stream().filter(c -> c.endsWith("Tagged")).count();
  }

  @Override
  public List<ActualLoadBalancer> loadBalancersTagged(Map<String, String> tags) {
    calls.add("loadBalancersTagged");
    return loadBalancers.values().stream()
        .filter(lb -> ElbTags.containsAll(lb.tags(), tags))
        .toList();
  }

  @Override
  public Optional<ActualLoadBalancer> loadBalancer(String arn) {
    calls.add("loadBalancer");
    return Optional.ofNullable(loadBalancers.get(arn));
  }

  @Override
  public List<ActualListener> listeners(String loadBalancerArn) {
    calls.add("listeners");
    return List.of();
  }

  @Override
  public List<ActualTargetGroup> targetGroupsTagged(Map<String, String> tags) {
    calls.add("targetGroupsTagged");
    return targetGroups.values().stream()
        .filter(tg -> ElbTags.containsAll(tg.tags(), tags))
        .toList();
  }

  @Override
  public Optional<ActualTargetGroup> targetGroup(String arn) {
    calls.add("targetGroup");
    return Optional.ofNullable(targetGroups.get(arn));
  }

  @Override
  public Optional<ActualTargetGroup> targetGroupOutline(String arn, String name) {
    calls.add("targetGroupOutline");
    return Optional.empty();
  }

  @Override
  public Set<Target> targets(String targetGroupArn) {
    calls.add("targets");
    return targets.getOrDefault(targetGroupArn, Set.of());
  }

  @Override
  public Map<Target, dev.lbr.model.TargetHealth> targetHealth(String targetGroupArn) {
    calls.add("targetHealth");
    Map<Target, dev.lbr.model.TargetHealth> health = new java.util.TreeMap<>();
    targets
        .getOrDefault(targetGroupArn, Set.of())
        .forEach(t -> health.put(t, new dev.lbr.model.TargetHealth("healthy", "", "")));
    return health;
  }

  // --- writes: the reader must never call them ---

  @Override
  public String createLoadBalancer(LoadBalancerSpec spec) {
    throw new AssertionError("write");
  }

  @Override
  public void modifyLoadBalancerAttributes(String arn, Map<String, String> attributes) {
    throw new AssertionError("write");
  }

  @Override
  public void setSubnets(String arn, List<String> subnetIds) {
    throw new AssertionError("write");
  }

  @Override
  public void setIpAddressType(String arn, String ipAddressType) {
    throw new AssertionError("write");
  }

  @Override
  public void setSecurityGroups(String arn, List<String> groupIds) {
    throw new AssertionError("write");
  }

  @Override
  public void deleteLoadBalancer(String arn) {
    throw new AssertionError("write");
  }

  @Override
  public String createTargetGroup(TargetGroupSpec spec) {
    throw new AssertionError("write");
  }

  @Override
  public void modifyTargetGroupHealthCheck(String arn, HealthCheck healthCheck) {
    throw new AssertionError("write");
  }

  @Override
  public void modifyTargetGroupAttributes(String arn, Map<String, String> attributes) {
    throw new AssertionError("write");
  }

  @Override
  public void deleteTargetGroup(String arn) {
    throw new AssertionError("write");
  }

  @Override
  public String createListener(String loadBalancerArn, ListenerSpec spec) {
    throw new AssertionError("write");
  }

  @Override
  public void modifyListener(String arn, ListenerSpec spec) {
    throw new AssertionError("write");
  }

  @Override
  public void deleteListener(String arn) {
    throw new AssertionError("write");
  }

  @Override
  public void addTags(String arn, Map<String, String> tags) {
    throw new AssertionError("write");
  }

  @Override
  public void removeTags(String arn, Set<String> keys) {
    throw new AssertionError("write");
  }

  @Override
  public void registerTargets(String targetGroupArn, List<Target> targets) {
    throw new AssertionError("write");
  }

  @Override
  public void deregisterTargets(String targetGroupArn, List<Target> targets) {
    throw new AssertionError("write");
  }

  @Override
  public String createRule(String listenerArn, RuleSpec rule) {
    throw new AssertionError("write");
  }

  @Override
  public void modifyRule(String ruleArn, RuleSpec rule) {
    throw new AssertionError("write");
  }

  @Override
  public void setRulePriorities(Map<String, Integer> priorityByRuleArn) {
    throw new AssertionError("write");
  }

  @Override
  public void deleteRule(String ruleArn) {
    throw new AssertionError("write");
  }
}
