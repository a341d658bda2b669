package dev.lbr.aws;

import dev.lbr.model.Action;
import dev.lbr.model.ActualListener;
import dev.lbr.model.ActualStack;
import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.RuleSpec;
import dev.lbr.model.TargetGroupRef;
import dev.lbr.plan.Ref;
import dev.lbr.plan.ResourceKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The stack's resources while a plan is applied: what existed, what the plan created and deleted.
 * Resolves refs: a pending ref only to an ARN created earlier in this plan (so the new target group
 * of a replacement is never confused with the old one), a managed target group reference to the
 * created ARN if any, else to the existing one.
 */
final class AppliedResources {
  private final Map<String, List<String>> existing = new TreeMap<>();
  private final List<String> existingListenerArns = new ArrayList<>();
  private final Map<String, String> listenerArnByRuleArn = new HashMap<>();
  private final Map<String, String> created = new HashMap<>();
  private final Set<String> deleted = new HashSet<>();

  private AppliedResources() {}

  /** Nothing read: every ref of the plan names its ARN. */
  static AppliedResources none() {
    return new AppliedResources();
  }

  AppliedResources(ActualStack actual) {
    actual
        .loadBalancer()
        .ifPresent(lb -> existing.put(ResourceKeys.LOAD_BALANCER, List.of(lb.arn())));
    for (ActualListener listener : actual.listeners()) {
      existing.put(ResourceKeys.listener(listener.port()), List.of(listener.arn()));
      existingListenerArns.add(listener.arn());
      listener.rules().forEach(rule -> listenerArnByRuleArn.put(rule.arn(), listener.arn()));
    }
    Map<String, Set<String>> tgArns = new TreeMap<>();
    for (ActualTargetGroup tg : actual.targetGroups()) {
      String id = tg.tags().get(actual.id().resourceTagKey());
      if (id != null) {
        tgArns.computeIfAbsent(id, k -> new TreeSet<>()).add(tg.arn());
      }
    }
    tgArns.forEach((id, arns) -> existing.put(id, List.copyOf(arns)));
    actual
        .securityGroup()
        .ifPresent(sg -> existing.put(ResourceKeys.SECURITY_GROUP, List.of(sg.groupId())));
  }

  String resolve(Ref ref) {
    if (!ref.isPending()) {
      return ref.arn();
    }
    String arn = created.get(ref.resourceId());
    if (arn == null) {
      throw new IllegalStateException("pending " + ref.resourceId() + " was not created earlier");
    }
    return arn;
  }

  void created(String key, String arn) {
    created.put(key, arn);
  }

  void deleted(String arn) {
    deleted.add(arn);
  }

  /** Deleting a load balancer deletes its listeners. */
  void loadBalancerDeleted(String arn) {
    deleted.add(arn);
    deleted.addAll(existingListenerArns);
  }

  /** The listener of an existing rule, empty for a rule the actual stack did not list. */
  Optional<String> listenerOfRule(String ruleArn) {
    return Optional.ofNullable(listenerArnByRuleArn.get(ruleArn));
  }

  /** The rule with every managed target group reference replaced by its ARN. */
  RuleSpec resolve(RuleSpec rule) {
    return new RuleSpec(rule.priority(), rule.conditions(), resolve(rule.actions()), rule.tags());
  }

  /** The spec with every managed target group reference replaced by its ARN. */
  ListenerSpec resolve(ListenerSpec spec) {
    List<RuleSpec> rules = spec.rules().stream().map(this::resolve).toList();
    return new ListenerSpec(
        spec.port(),
        spec.protocol(),
        spec.certificateArns(),
        spec.sslPolicy(),
        spec.alpnPolicy(),
        resolve(spec.defaultActions()),
        rules,
        spec.tags());
  }

  private List<Action> resolve(List<Action> actions) {
    return actions.stream().map(this::resolve).toList();
  }

  private Action resolve(Action action) {
    if (!(action instanceof Action.Forward forward)) {
      return action;
    }
    List<Action.WeightedTargetGroup> targetGroups =
        forward.targetGroups().stream()
            .map(tg -> new Action.WeightedTargetGroup(resolve(tg.targetGroup()), tg.weight()))
            .toList();
    return new Action.Forward(targetGroups, forward.stickinessDurationSeconds());
  }

  private TargetGroupRef resolve(TargetGroupRef ref) {
    if (ref.arn() != null) {
      return ref;
    }
    String arn = current(ref.resourceId());
    if (arn == null) {
      throw new IllegalStateException("no target group for resource id " + ref.resourceId());
    }
    return TargetGroupRef.external(arn);
  }

  /** The live ARN for a key: created in this plan, else the first existing one not deleted. */
  private String current(String key) {
    String arn = created.get(key);
    if (arn != null && !deleted.contains(arn)) {
      return arn;
    }
    return existing.getOrDefault(key, List.of()).stream()
        .filter(a -> !deleted.contains(a))
        .findFirst()
        .orElse(null);
  }

  /** Resource key → ARN of everything the stack owns now. */
  Map<String, String> snapshot() {
    Set<String> keys = new TreeSet<>(existing.keySet());
    keys.addAll(created.keySet());
    Map<String, String> resources = new TreeMap<>();
    for (String key : keys) {
      String arn = current(key);
      if (arn != null) {
        resources.put(key, arn);
      }
    }
    return resources;
  }
}
