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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ELBv2 calls the reconciler makes, in model types. Implementations translate to the SDK; no
 * planning happens here. Listener specs passed in must have every target group reference resolved
 * to an ARN.
 */
public interface ElbGateway {

  /** Load balancers whose tags contain every entry of {@code tags} (DescribeTags, 20 per call). */
  List<ActualLoadBalancer> loadBalancersTagged(Map<String, String> tags);

  /** Empty when the ARN does not exist (any more). */
  Optional<ActualLoadBalancer> loadBalancer(String arn);

  /** A load balancer or target group known only by name and tags. */
  record Tagged(String arn, String name, boolean loadBalancer, Map<String, String> tags) {}

  /**
   * Every load balancer and target group whose tags contain every entry of {@code tags}, with
   * nothing else read (no attributes): the cheap scan a drift run starts with.
   */
  default List<Tagged> resourcesTagged(Map<String, String> tags) {
    List<Tagged> found = new java.util.ArrayList<>();
    loadBalancersTagged(tags)
        .forEach(lb -> found.add(new Tagged(lb.arn(), lb.name(), true, lb.tags())));
    targetGroupsTagged(tags)
        .forEach(tg -> found.add(new Tagged(tg.arn(), tg.name(), false, tg.tags())));
    return found;
  }

  /**
   * What {@link #describe} found, by ARN: load balancers, their listeners (with rules), target
   * groups. An ARN that does not exist (any more) is absent.
   */
  record Described(
      Map<String, ActualLoadBalancer> loadBalancers,
      Map<String, List<ActualListener>> listeners,
      Map<String, ActualTargetGroup> targetGroups) {
    public Described {
      loadBalancers = Map.copyOf(loadBalancers);
      listeners = Map.copyOf(listeners);
      targetGroups = Map.copyOf(targetGroups);
    }
  }

  /**
   * Load balancers and target groups by ARN, each with its tags and attributes, and the listeners
   * (with rules) of the load balancers found, as {@link #loadBalancer}, {@link #listeners} and
   * {@link #targetGroup} would return them, one by one. The SDK implementation batches what the API
   * batches, and takes the attributes of a target group in {@code knownAttributes} (by ARN) as
   * given instead of reading them: the caller knows them (a trusted checkpoint).
   */
  default Described describe(
      Collection<String> loadBalancerArns,
      Collection<String> targetGroupArns,
      Map<String, Map<String, String>> knownAttributes) {
    Map<String, ActualLoadBalancer> lbs = new LinkedHashMap<>();
    Map<String, List<ActualListener>> listeners = new LinkedHashMap<>();
    Map<String, ActualTargetGroup> tgs = new LinkedHashMap<>();
    for (String arn : new LinkedHashSet<>(loadBalancerArns)) {
      loadBalancer(arn)
          .ifPresent(
              lb -> {
                lbs.put(arn, lb);
                listeners.put(arn, listeners(arn));
              });
    }
    for (String arn : new LinkedHashSet<>(targetGroupArns)) {
      targetGroup(arn).ifPresent(tg -> tgs.put(arn, tg));
    }
    return new Described(lbs, listeners, tgs);
  }

  /** The listeners of a load balancer, with their non-default rules. */
  List<ActualListener> listeners(String loadBalancerArn);

  /** Target groups whose tags contain every entry of {@code tags}. */
  List<ActualTargetGroup> targetGroupsTagged(Map<String, String> tags);

  /** Empty when the ARN does not exist (any more). */
  Optional<ActualTargetGroup> targetGroup(String arn);

  /**
   * A target group made by anyone (a user's TargetGroupBinding names it), by ARN or, when {@code
   * arn} is null, by name; without tags or attributes. Empty when there is none.
   */
  Optional<ActualTargetGroup> targetGroupOutline(String arn, String name);

  /** Registered targets, excluding those already draining. */
  Set<Target> targets(String targetGroupArn);

  /** Every registered target's health (one DescribeTargetHealth), draining ones included. */
  Map<Target, TargetHealth> targetHealth(String targetGroupArn);

  /** Returns the new load balancer's ARN. Tags are set in the same call, attributes are not. */
  String createLoadBalancer(LoadBalancerSpec spec);

  void modifyLoadBalancerAttributes(String arn, Map<String, String> attributes);

  void setSubnets(String arn, List<String> subnetIds);

  void setIpAddressType(String arn, String ipAddressType);

  /** Replaces the load balancer's security groups with {@code groupIds}, in that order. */
  void setSecurityGroups(String arn, List<String> groupIds);

  void deleteLoadBalancer(String arn);

  /** Returns the new target group's ARN. Tags are set in the same call, attributes are not. */
  String createTargetGroup(TargetGroupSpec spec);

  void modifyTargetGroupHealthCheck(String arn, HealthCheck healthCheck);

  void modifyTargetGroupAttributes(String arn, Map<String, String> attributes);

  /** Treats "not found" as already deleted. */
  void deleteTargetGroup(String arn);

  /** Returns the new listener's ARN. Its rules are not created: they have their own calls. */
  String createListener(String loadBalancerArn, ListenerSpec spec);

  void modifyListener(String arn, ListenerSpec spec);

  void deleteListener(String arn);

  void addTags(String arn, Map<String, String> tags);

  void removeTags(String arn, Set<String> keys);

  /** At most 200 targets per call. */
  void registerTargets(String targetGroupArn, List<Target> targets);

  /** At most 200 targets per call. Treats "not registered" as done. */
  void deregisterTargets(String targetGroupArn, List<Target> targets);

  /** Returns the new rule's ARN. Tags are set in the same call. */
  String createRule(String listenerArn, RuleSpec rule);

  /** Replaces the rule's conditions and actions (its priority and tags have their own calls). */
  void modifyRule(String ruleArn, RuleSpec rule);

  /** Moves rules of one listener, all in one call. */
  void setRulePriorities(Map<String, Integer> priorityByRuleArn);

  /** Treats "not found" as already deleted. */
  void deleteRule(String ruleArn);
}
