package dev.lbr.plan;

import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.Target;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Desired vs actual → an ordered plan, in LBC's deploy order: managed security group, target
 * groups, load balancer, listeners, rules, targets; then deletions in reverse (target groups no
 * longer referenced, then the managed security group no longer wanted). Each planner records, with
 * every change it decides, the findings it is based on ({@link PlannedChanges}). Pure: the same
 * inputs give the same plan, and an unchanged stack gives an empty one.
 */
public final class Planner {
  private final ListenerPlanner listeners;

  /** Plans listener rules as LBC does ({@link ListenerRulePlanner}). */
  public Planner() {
    this(new ListenerRulePlanner());
  }

  public Planner(RulePlanner rules) {
    this.listeners = new ListenerPlanner(rules);
  }

  /**
   * @param knownTargets target group resource id → targets believed registered (from the
   *     checkpoint), used for target groups whose targets {@code actual} did not read
   * @throws dev.lbr.model.InvalidInputException when the stack should be deleted but its load
   *     balancer has deletion protection on
   */
  public Plan plan(
      DesiredStack desired, ActualStack actual, Map<String, Set<Target>> knownTargets) {
    if (!desired.id().equals(actual.id())) {
      throw new IllegalArgumentException(
          "desired stack " + desired.id() + " planned against actual stack " + actual.id());
    }
    SecurityGroupPlanner.Result securityGroup = SecurityGroupPlanner.plan(desired, actual);
    TargetGroupPlanner.Result targetGroups = TargetGroupPlanner.plan(desired, actual);
    LoadBalancerPlanner.Result loadBalancer =
        LoadBalancerPlanner.plan(desired, actual, securityGroup.ref());
    Map<String, String> keptArns = new TreeMap<>();
    targetGroups.kept().forEach((id, tg) -> keptArns.put(id, tg.arn()));

    PlannedChanges changes = new PlannedChanges();
    changes.addAll(securityGroup.changes());
    changes.addAll(targetGroups.changes());
    changes.addAll(loadBalancer.changes());
    changes.addAll(listeners.plan(desired, actual, loadBalancer, new ActionEquality(keptArns)));
    changes.addAll(TargetPlanner.plan(desired, actual, targetGroups, knownTargets));
    targetGroups.deletions().stream()
        .map(tg -> Ref.existing(tg.arn(), tg.tags().get(desired.id().resourceTagKey())))
        .sorted(Comparator.comparing(Ref::resourceId).thenComparing(Ref::arn))
        .forEach(
            ref -> changes.add(new Change.DeleteTargetGroup(ref)).extra("target group " + ref));
    changes.addAll(securityGroup.deletions());
    return changes.toPlan(desired.id());
  }
}
