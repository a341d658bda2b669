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
import dev.lbr.model.TargetHealth;
import dev.lbr.plan.Change;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * {@link ElbGateway} over the SDK. Each resource type has its own adapter; this class only routes.
 * Throttling and 5xx errors surface as the SDK's exceptions (see {@link AwsErrors}).
 *
 * <p>A {@code create*} call makes the resource match its whole spec: a new load balancer or target
 * group gets the spec's attributes, a new listener its extra certificates. A listener's rules are
 * planned and created one by one ({@link #createRule} and friends).
 */
public final class SdkElbGateway implements ElbGateway {
  /** The most targets one RegisterTargets or DeregisterTargets call takes. */
  private final ElbTags tags;

  private final ElbLoadBalancers loadBalancers;
  private final ElbTargetGroups targetGroups;
  private final ElbTargets targets;
  private final ElbListeners listeners;
  private final ElbBatchReads batchReads;
  private final ElasticLoadBalancingV2Client elb;

  public SdkElbGateway(ElasticLoadBalancingV2Client elb) {
    this.elb = elb;
    this.tags = new ElbTags(elb);
    this.loadBalancers = new ElbLoadBalancers(elb, tags);
    this.targetGroups = new ElbTargetGroups(elb, tags);
    this.targets = new ElbTargets(elb);
    this.listeners = new ElbListeners(elb, tags);
    this.batchReads = new ElbBatchReads(tags, loadBalancers, targetGroups, listeners);
  }

  @Override
  public List<ActualLoadBalancer> loadBalancersTagged(Map<String, String> tags) {
    return loadBalancers.tagged(tags);
  }

  @Override
  public List<Tagged> resourcesTagged(Map<String, String> wanted) {
    List<Tagged> found = new java.util.ArrayList<>();
    loadBalancers
        .matching(wanted)
        .forEach(
            t -> found.add(new Tagged(t.arn(), t.resource().loadBalancerName(), true, t.tags())));
    targetGroups
        .matching(wanted)
        .forEach(
            t -> found.add(new Tagged(t.arn(), t.resource().targetGroupName(), false, t.tags())));
    return found;
  }

  @Override
  public Optional<ActualLoadBalancer> loadBalancer(String arn) {
    return batchReads.loadBalancer(arn);
  }

  @Override
  public Described describe(
      Collection<String> loadBalancerArns,
      Collection<String> targetGroupArns,
      Map<String, Map<String, String>> knownAttributes) {
    return batchReads.describe(loadBalancerArns, targetGroupArns, knownAttributes, true);
  }

  @Override
  public List<ActualListener> listeners(String loadBalancerArn) {
    return listeners.of(loadBalancerArn);
  }

  @Override
  public List<ActualTargetGroup> targetGroupsTagged(Map<String, String> tags) {
    return targetGroups.tagged(tags);
  }

  @Override
  public Optional<ActualTargetGroup> targetGroup(String arn) {
    return batchReads.targetGroup(arn);
  }

  @Override
  public Optional<ActualTargetGroup> targetGroupOutline(String arn, String name) {
    return targetGroups.outline(arn, name);
  }

  @Override
  public Set<Target> targets(String targetGroupArn) {
    return targets.of(targetGroupArn);
  }

  @Override
  public Map<Target, TargetHealth> targetHealth(String targetGroupArn) {
    return targets.health(targetGroupArn);
  }

  @Override
  public String createLoadBalancer(LoadBalancerSpec spec) {
    return loadBalancers.create(spec);
  }

  @Override
  public void modifyLoadBalancerAttributes(String arn, Map<String, String> attributes) {
    loadBalancers.modifyAttributes(arn, attributes);
  }

  @Override
  public void setSubnets(String arn, List<String> subnetIds) {
    loadBalancers.setSubnets(arn, subnetIds);
  }

  @Override
  public void setIpAddressType(String arn, String ipAddressType) {
    loadBalancers.setIpAddressType(arn, ipAddressType);
  }

  @Override
  public void setSecurityGroups(String arn, List<String> groupIds) {
    loadBalancers.setSecurityGroups(arn, groupIds);
  }

  @Override
  public void deleteLoadBalancer(String arn) {
    loadBalancers.delete(arn);
  }

  @Override
  public String createTargetGroup(TargetGroupSpec spec) {
    return targetGroups.create(spec);
  }

  @Override
  public void modifyTargetGroupHealthCheck(String arn, HealthCheck healthCheck) {
    targetGroups.modifyHealthCheck(arn, healthCheck);
  }

  @Override
  public void modifyTargetGroupAttributes(String arn, Map<String, String> attributes) {
    targetGroups.modifyAttributes(arn, attributes);
  }

  @Override
  public void deleteTargetGroup(String arn) {
    targetGroups.delete(arn);
  }

  @Override
  public String createListener(String loadBalancerArn, ListenerSpec spec) {
    return listeners.create(loadBalancerArn, spec);
  }

  @Override
  public void modifyListener(String arn, ListenerSpec spec) {
    listeners.modify(arn, spec);
  }

  @Override
  public void deleteListener(String arn) {
    listeners.delete(arn);
  }

  @Override
  public void addTags(String arn, Map<String, String> tags) {
    if (!tags.isEmpty()) {
      elb.addTags(r -> r.resourceArns(arn).tags(ElbTags.toSdk(tags)));
    }
  }

  @Override
  public void removeTags(String arn, Set<String> keys) {
    if (!keys.isEmpty()) {
      elb.removeTags(r -> r.resourceArns(arn).tagKeys(keys.stream().sorted().toList()));
    }
  }

  /** Rejects more than {@link Change#MAX_TARGETS_PER_CALL} targets (the planner splits them). */
  @Override
  public void registerTargets(String targetGroupArn, List<Target> targets) {
    this.targets.register(targetGroupArn, targets);
  }

  /** Rejects more than {@link Change#MAX_TARGETS_PER_CALL} targets (the planner splits them). */
  @Override
  public void deregisterTargets(String targetGroupArn, List<Target> targets) {
    this.targets.deregister(targetGroupArn, targets);
  }

  @Override
  public String createRule(String listenerArn, RuleSpec rule) {
    return listeners.createRule(listenerArn, rule);
  }

  @Override
  public void modifyRule(String ruleArn, RuleSpec rule) {
    listeners.modifyRule(ruleArn, rule);
  }

  @Override
  public void setRulePriorities(Map<String, Integer> priorityByRuleArn) {
    listeners.setRulePriorities(priorityByRuleArn);
  }

  @Override
  public void deleteRule(String ruleArn) {
    listeners.deleteRule(ruleArn);
  }
}
