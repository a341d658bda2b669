package dev.lbr.reconcile;

import dev.lbr.model.StackId;
import dev.lbr.model.Target;
import dev.lbr.plan.Change;
import dev.lbr.plan.Plan;
import dev.lbr.plan.Ref;
import dev.lbr.plan.TargetPlanner;
import dev.lbr.state.Checkpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The targets-only plan: desired targets against the ones the checkpoint says we registered, with
 * target group ARNs from the checkpoint. Nothing is read from AWS.
 */
final class TargetChanges {
  private TargetChanges() {}

  /** Empty when the checkpoint does not know a target group's ARN (then a full pass is needed). */
  static Optional<Plan> plan(StackId id, Checkpoint cp, Map<String, Set<Target>> desired) {
    Set<String> groups = new TreeSet<>(desired.keySet());
    groups.addAll(cp.targets().keySet());
    List<Change> changes = new ArrayList<>();
    for (String resourceId : groups) {
      String arn = cp.resources().get(resourceId);
      if (arn == null) {
        return Optional.empty();
      }
      changes.addAll(
          TargetPlanner.changes(
              Ref.existing(arn, resourceId),
              desired.getOrDefault(resourceId, Set.of()),
              cp.targets().getOrDefault(resourceId, Set.of())));
    }
    return Optional.of(new Plan(id, changes));
  }

  /** Both sets of targets, by target group resource id. */
  static Map<String, Set<Target>> union(Map<String, Set<Target>> a, Map<String, Set<Target>> b) {
    Map<String, Set<Target>> all = new TreeMap<>();
    a.forEach((tg, keys) -> all.computeIfAbsent(tg, k -> new TreeSet<>()).addAll(keys));
    b.forEach((tg, keys) -> all.computeIfAbsent(tg, k -> new TreeSet<>()).addAll(keys));
    return all;
  }
}
