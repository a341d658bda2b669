package dev.lbr.plan;

import dev.lbr.model.ActualStack;
import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.TargetGroupSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Target groups, matched by resource id (LBC's {@code target_group_synthesizer.go}). Missing ones
 * are created; matched ones are updated in place (tags, health check, attributes); one whose
 * immutable fields differ is replaced: the new one is created now, the old one deleted at the end
 * of the plan, after listeners stop forwarding to it.
 *
 * <p>The new target group of a replacement shares its resource id with the old one. Later changes
 * name it {@link Ref#pending}, and the old one by its ARN ({@link Ref#existing}); a pending ref is
 * only ever resolved to an ARN created earlier in the same plan, so the two cannot be confused.
 */
final class TargetGroupPlanner {

  /**
   * @param changes creates and in-place updates, in order, with their findings
   * @param refs resource id → how later changes name each desired target group
   * @param kept resource id → the actual target group kept for it (matched, not replaced)
   * @param deletions actual target groups to delete at the end (replaced or no longer desired)
   */
  record Result(
      PlannedChanges changes,
      Map<String, Ref> refs,
      Map<String, ActualTargetGroup> kept,
      List<ActualTargetGroup> deletions) {}

  private TargetGroupPlanner() {}

  static Result plan(DesiredStack desired, ActualStack actual) {
    String resourceTag = desired.id().resourceTagKey();
    Map<String, List<ActualTargetGroup>> actualById = new TreeMap<>();
    for (ActualTargetGroup tg : actual.targetGroups()) {
      String id = tg.tags().get(resourceTag);
      if (id != null) { // not ours to judge: the stack tag matched but the resource tag is missing
        actualById.computeIfAbsent(id, k -> new ArrayList<>()).add(tg);
      }
    }
    actualById.values().forEach(tgs -> tgs.sort(Comparator.comparing(ActualTargetGroup::arn)));

    PlannedChanges changes = new PlannedChanges();
    Map<String, Ref> refs = new LinkedHashMap<>();
    Map<String, ActualTargetGroup> kept = new TreeMap<>();
    List<ActualTargetGroup> deletions = new ArrayList<>();

    var matches =
        Matches.byKey(
            desired.targetGroups(),
            TargetGroupSpec::resourceId,
            actualById.entrySet(),
            Map.Entry::getKey);
    for (TargetGroupSpec spec : matches.onlyDesired()) {
      create(spec, false, changes, refs);
    }
    for (var pair : matches.matched()) {
      TargetGroupSpec spec = pair.desired();
      Optional<ActualTargetGroup> match =
          pair.actual().getValue().stream()
              .filter(tg -> !requiresReplacement(spec, tg))
              .findFirst();
      // every other actual target group with this resource id (replaced, or a duplicate) goes
      pair.actual().getValue().stream()
          .filter(tg -> match.isEmpty() || tg != match.get())
          .forEach(deletions::add);
      if (match.isEmpty()) {
        create(spec, true, changes, refs);
      } else {
        update(spec, match.get(), changes, refs);
        kept.put(spec.resourceId(), match.get());
      }
    }
    matches.onlyActual().forEach(entry -> deletions.addAll(entry.getValue()));
    return new Result(changes, Map.copyOf(refs), Map.copyOf(kept), List.copyOf(deletions));
  }

  /**
   * Fields AWS cannot modify. The name is deliberately not one of them: LBC never replaces a target
   * group for its name alone (the name hashes fields such as the health check interval, which LBC
   * modifies in place), and adopting LBC's resources must not replace them.
   */
  static boolean requiresReplacement(TargetGroupSpec desired, ActualTargetGroup actual) {
    return !Semantics.sameIgnoreCase(desired.protocol(), actual.protocol())
        || !Semantics.sameIgnoreCase(desired.targetType(), actual.targetType())
        || (!Semantics.isBlank(desired.protocolVersion())
            && !Semantics.sameIgnoreCase(desired.protocolVersion(), actual.protocolVersion()))
        || desired.port() != actual.port()
        || !Semantics.sameIgnoreCase(
            ipAddressType(desired.ipAddressType()), ipAddressType(actual.ipAddressType()))
        || Semantics.driftedIfSet(desired.vpcId(), actual.vpcId());
  }

  private static String ipAddressType(String value) {
    return Semantics.isBlank(value) ? "ipv4" : value;
  }

  /** A new target group: missing, or replacing one whose immutable fields differ. */
  private static void create(
      TargetGroupSpec spec, boolean replacing, PlannedChanges changes, Map<String, Ref> refs) {
    Ref ref = Ref.pending(spec.resourceId());
    String label = "target group " + spec.resourceId();
    PlannedChanges.Reasons why = changes.add(new Change.CreateTargetGroup(spec));
    if (replacing) {
      why.differs(
          label,
          "immutable settings",
          spec.protocol() + ":" + spec.port() + " " + spec.targetType(),
          "differ (replaced)");
    } else {
      why.missing(label);
    }
    if (!spec.attributes().isEmpty()) {
      changes.follows(
          new Change.ModifyTargetGroupAttributes(ref, Semantics.sorted(spec.attributes())));
    }
    refs.put(spec.resourceId(), ref);
  }

  /** LBC's order: tags, health check, attributes. */
  private static void update(
      TargetGroupSpec spec,
      ActualTargetGroup actual,
      PlannedChanges changes,
      Map<String, Ref> refs) {
    Ref ref = Ref.existing(actual.arn(), spec.resourceId());
    String label = "target group " + ref;
    TagDiff.plan(ref, label, spec.tags(), actual.tags(), changes);
    if (HealthChecks.drifted(spec.healthCheck(), actual.healthCheck())) {
      changes
          .add(new Change.ModifyTargetGroupHealthCheck(ref, spec.healthCheck()))
          .differs(
              label,
              "healthCheck",
              String.valueOf(spec.healthCheck()),
              String.valueOf(actual.healthCheck()));
    }
    Map<String, String> attributes =
        Semantics.changedAttributes(spec.attributes(), actual.attributes());
    if (!attributes.isEmpty()) {
      changes
          .add(new Change.ModifyTargetGroupAttributes(ref, attributes))
          .attributes(label, attributes, actual.attributes());
    }
    refs.put(spec.resourceId(), ref);
  }
}
