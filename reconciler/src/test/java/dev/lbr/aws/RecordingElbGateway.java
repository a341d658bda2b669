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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TooManyRulesException;

/**
 * Records every mutating call as {@code operation arn [detail]}, hands out ARNs {@code
 * arn:new:<kind>:<n>}, keeps the listener and rule specs it was given, and can fail on the n-th
 * call, or refuse rules as a full listener does.
 */
final class RecordingElbGateway implements ElbGateway {
  final List<String> calls = new ArrayList<>();
  final List<ListenerSpec> listenerSpecs = new ArrayList<>();
  final List<RuleSpec> ruleSpecs = new ArrayList<>();
  final List<LoadBalancerSpec> loadBalancerSpecs = new ArrayList<>();
  private int failOnCall = -1;
  private int created;
  private final Map<String, Integer> ruleRoom = new HashMap<>();

  RecordingElbGateway failOnCall(int n) {
    failOnCall = n;
    return this;
  }

  /** CreateRule on {@code listenerArn} fails with TooManyRules unless a rule was deleted since. */
  RecordingElbGateway full(String listenerArn) {
    ruleRoom.put(listenerArn, 0);
    return this;
  }

  private void record(String call) {
    if (calls.size() + 1 == failOnCall) {
      throw new IllegalStateException("ELBv2 refused: " + call);
    }
    calls.add(call);
  }

  private String newArn(String kind) {
    return "arn:new:" + kind + ":" + ++created;
  }

  @Override
  public String createLoadBalancer(LoadBalancerSpec spec) {
    String arn = newArn("loadbalancer");
    record("CreateLoadBalancer " + arn);
    loadBalancerSpecs.add(spec);
    return arn;
  }

  @Override
  public void modifyLoadBalancerAttributes(String arn, Map<String, String> attributes) {
    record("ModifyLoadBalancerAttributes " + arn);
  }

  @Override
  public void setSubnets(String arn, List<String> subnetIds) {
    record("SetSubnets " + arn + " " + subnetIds);
  }

  @Override
  public void setIpAddressType(String arn, String ipAddressType) {
    record("SetIpAddressType " + arn + " " + ipAddressType);
  }

  @Override
  public void setSecurityGroups(String arn, List<String> groupIds) {
    record("SetSecurityGroups " + arn + " " + groupIds);
  }

  @Override
  public void deleteLoadBalancer(String arn) {
    record("DeleteLoadBalancer " + arn);
  }

  @Override
  public String createTargetGroup(TargetGroupSpec spec) {
    String arn = newArn("targetgroup");
    record("CreateTargetGroup " + arn);
    return arn;
  }

  @Override
  public void modifyTargetGroupHealthCheck(String arn, HealthCheck healthCheck) {
    record("ModifyTargetGroup " + arn);
  }

  @Override
  public void modifyTargetGroupAttributes(String arn, Map<String, String> attributes) {
    record("ModifyTargetGroupAttributes " + arn);
  }

  @Override
  public void deleteTargetGroup(String arn) {
    record("DeleteTargetGroup " + arn);
  }

  @Override
  public String createListener(String loadBalancerArn, ListenerSpec spec) {
    String arn = newArn("listener");
    record("CreateListener " + arn + " on " + loadBalancerArn);
    listenerSpecs.add(spec);
    return arn;
  }

  @Override
  public void modifyListener(String arn, ListenerSpec spec) {
    record("ModifyListener " + arn);
    listenerSpecs.add(spec);
  }

  @Override
  public void deleteListener(String arn) {
    record("DeleteListener " + arn);
  }

  @Override
  public void addTags(String arn, Map<String, String> tags) {
    record("AddTags " + arn + " " + tags);
  }

  @Override
  public void removeTags(String arn, Set<String> keys) {
    record("RemoveTags " + arn + " " + keys);
  }

  @Override
  public void registerTargets(String targetGroupArn, List<Target> targets) {
    record("RegisterTargets " + targetGroupArn + " " + targets.size());
  }

  @Override
  public void deregisterTargets(String targetGroupArn, List<Target> targets) {
    record("DeregisterTargets " + targetGroupArn + " " + targets.size());
  }

  // reads are not the applier's business

  @Override
  public List<ActualLoadBalancer> loadBalancersTagged(Map<String, String> tags) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<ActualLoadBalancer> loadBalancer(String arn) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<ActualListener> listeners(String loadBalancerArn) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<ActualTargetGroup> targetGroupsTagged(Map<String, String> tags) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<ActualTargetGroup> targetGroup(String arn) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<ActualTargetGroup> targetGroupOutline(String arn, String name) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Set<Target> targets(String targetGroupArn) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Map<Target, dev.lbr.model.TargetHealth> targetHealth(String targetGroupArn) {
    throw new UnsupportedOperationException();
  }

  @Override
  public String createRule(String listenerArn, RuleSpec rule) {
    Integer room = ruleRoom.get(listenerArn);
    if (room != null && room == 0) {
      throw TooManyRulesException.builder()
          .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRules").build())
          .statusCode(400)
          .build();
    }
    if (room != null) {
      ruleRoom.put(listenerArn, room - 1);
    }
    String arn = newArn("rule");
    record("CreateRule " + arn + " on " + listenerArn + " at " + rule.priority());
    ruleSpecs.add(rule);
    return arn;
  }

  @Override
  public void modifyRule(String ruleArn, RuleSpec rule) {
    record("ModifyRule " + ruleArn);
    ruleSpecs.add(rule);
  }

  @Override
  public void setRulePriorities(Map<String, Integer> priorityByRuleArn) {
    record("SetRulePriorities " + new TreeMap<>(priorityByRuleArn));
  }

  /** Makes room on every full listener (the fake does not know which listener a rule is on). */
  @Override
  public void deleteRule(String ruleArn) {
    record("DeleteRule " + ruleArn);
    ruleRoom.replaceAll((listener, room) -> room + 1);
  }
}
