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

/**
 * Target registrations per target group, in resource id order: deregister what is registered but
 * not desired, then register what is desired but not registered (LBC's TargetGroupBinding order),
 * in sorted batches of at most {@link Change#MAX_TARGETS_PER_CALL}.
 */
public final class TargetPlanner {
  private TargetPlanner() {}

  /**
   * What is registered: read targets win; a target group that was not read falls back to the
   * checkpoint's {@code knownTargets}; a target group created by this plan has none, and its
   * registrations follow from creating it.
   */
  static PlannedChanges plan(
      DesiredStack desired,
      ActualStack actual,
      TargetGroupPlanner.Result targetGroups,
      Map<String, Set<Target>> knownTargets) {
    PlannedChanges out = new PlannedChanges();
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
      plan(ref, desired.targets().getOrDefault(id, Set.of()), registered, out);
    }
    return out;
  }

  /** One target group: deregister the unwanted, then register the missing, in batches. */
  public static List<Change> changes(Ref ref, Set<Target> wanted, Set<Target> registered) {
    PlannedChanges out = new PlannedChanges();
    plan(ref, wanted, registered, out);
    return out.changes();
  }

  private static void plan(
      Ref ref, Set<Target> wanted, Set<Target> registered, PlannedChanges out) {
    String label = "target group " + ref;
    for (List<Target> batch : batches(minus(registered, wanted))) {
      PlannedChanges.Reasons why = out.add(new Change.DeregisterTargets(ref, batch));
      batch.forEach(
          t -> why.differs(label, "target " + t.key(), DriftFinding.ABSENT, "registered"));
    }
    for (List<Target> batch : batches(minus(wanted, registered))) {
      Change register = new Change.RegisterTargets(ref, batch);
      if (ref.isPending()) {
        out.follows(register);
      } else {
        PlannedChanges.Reasons why = out.add(register);
        batch.forEach(
            t -> why.differs(label, "target " + t.key(), "registered", DriftFinding.ABSENT));
      }
    }
  }

  private static List<Target> minus(Set<Target> from, Set<Target> remove) {
    TreeSet<Target> result = new TreeSet<>(from);
    result.removeAll(remove);
    return List.copyOf(result);
  }

  /**
   * At most {@link Change#MAX_TARGETS_PER_CALL} targets each, in order: the one place targets are
   * split into ELBv2 calls.
   */
  public static List<List<Target>> batches(List<Target> targets) {
    List<List<Target>> batches = new ArrayList<>();
    for (int from = 0; from < targets.size(); from += Change.MAX_TARGETS_PER_CALL) {
      int to = Math.min(targets.size(), from + Change.MAX_TARGETS_PER_CALL);
      batches.add(List.copyOf(targets.subList(from, to)));
    }
    return batches;
  }
}
