package dev.lbr.plan;

import dev.lbr.model.ActualStack;
import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.Target;
import dev.lbr.model.TargetGroupSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Target registrations per target group, in resource id order: deregister what is registered but
 * not desired, then register what is desired but not registered (LBC's TargetGroupBinding order),
 * in sorted batches of at most {@link Change#MAX_TARGETS_PER_CALL}.
 */
public final class TargetPlanner {
  private TargetPlanner() {}

  /**
   * What is registered: read targets win; a target group that was not read falls back to the
   * checkpoint's {@code knownTargets}; a target group created by this plan has none.
   */
  static List<Change> plan(
      DesiredStack desired,
      ActualStack actual,
      TargetGroupPlanner.Result targetGroups,
      Map<String, Set<Target>> knownTargets) {
    List<Change> changes = new ArrayList<>();
    List<TargetGroupSpec> specs =
        desired.targetGroups().stream()
            .sorted(Comparator.comparing(TargetGroupSpec::resourceId))
            .toList();
    for (TargetGroupSpec spec : specs) {
      String id = spec.resourceId();
      Ref ref = targetGroups.refs().get(id);
      ActualTargetGroup kept = targetGroups.kept().get(id);
      Set<Target> registered =
          kept == null
              ? Set.of()
              : actual.targets().getOrDefault(kept.arn(), knownTargets.getOrDefault(id, Set.of()));
      changes.addAll(changes(ref, desired.targets().getOrDefault(id, Set.of()), registered));
    }
    return List.copyOf(changes);
  }

  /** One target group: deregister the unwanted, then register the missing, in batches. */
  public static List<Change> changes(Ref ref, Set<Target> wanted, Set<Target> registered) {
    List<Change> changes = new ArrayList<>();
    batches(ref, minus(registered, wanted), Change.DeregisterTargets::new, changes);
    batches(ref, minus(wanted, registered), Change.RegisterTargets::new, changes);
    return changes;
  }

  private static List<Target> minus(Set<Target> from, Set<Target> remove) {
    TreeSet<Target> result = new TreeSet<>(from);
    result.removeAll(remove);
    return List.copyOf(result);
  }

  private static void batches(
      Ref ref, List<Target> targets, BiFunction<Ref, List<Target>, Change> call, List<Change> out) {
    for (int from = 0; from < targets.size(); from += Change.MAX_TARGETS_PER_CALL) {
      int to = Math.min(targets.size(), from + Change.MAX_TARGETS_PER_CALL);
      out.add(call.apply(ref, List.copyOf(targets.subList(from, to))));
    }
  }
}
