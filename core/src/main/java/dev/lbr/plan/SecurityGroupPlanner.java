package dev.lbr.plan;

import dev.lbr.model.ActualSecurityGroup;
import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.SecurityGroupRule;
import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.model.StackId;
import dev.lbr.model.Tags;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stack's managed frontend security group (LBC's {@code security_group_synthesizer.go} and
 * {@code security_group_manager.go}). Its changes come first, so a load balancer created later in
 * the plan can use the group; an unwanted group is deleted last, after the load balancer stopped
 * using it (or was deleted). Inbound rules are compared as sets: missing ones are authorized, then
 * extra ones revoked, so traffic the new rules allow never sees a gap.
 *
 * <p>Only a group carrying this stack's ownership tags (cluster, stack, {@code
 * ManagedLBSecurityGroup}) is ever planned against; the spec must carry them too, or the group it
 * creates could never be found again.
 */
final class SecurityGroupPlanner {

  /**
   * @param changes create / tag / rule changes, to run before the load balancer's
   * @param ref how the load balancer names the managed group; empty when the stack wants none
   * @param deletions to run after everything else
   */
  record Result(PlannedChanges changes, Optional<Ref> ref, PlannedChanges deletions) {}

  private SecurityGroupPlanner() {}

  static Result plan(DesiredStack desired, ActualStack actual) {
    StackId id = desired.id();
    Optional<SecurityGroupSpec> spec = desired.securityGroup();
    Optional<ActualSecurityGroup> existing = actual.securityGroup();
    existing.ifPresent(sg -> requireOwned(id, sg.tags(), "security group " + sg.groupId()));
    PlannedChanges changes = new PlannedChanges();
    if (spec.isEmpty()) {
      PlannedChanges deletions = new PlannedChanges();
      existing.ifPresent(
          sg -> deletions.add(new Change.DeleteSecurityGroup(ref(sg))).extra(label(ref(sg))));
      return new Result(changes, Optional.empty(), deletions);
    }
    requireOwned(id, spec.get().tags(), "the spec of security group " + spec.get().name());
    if (existing.isEmpty()) {
      Ref created = Ref.pending(ResourceKeys.SECURITY_GROUP);
      changes
          .add(new Change.CreateSecurityGroup(spec.get()))
          .missing("security group " + spec.get().name());
      List<SecurityGroupRule> rules =
          List.copyOf(SecurityGroupRules.byKey(spec.get().ingress()).values());
      if (!rules.isEmpty()) {
        authorize(created, rules, changes);
      }
      return new Result(changes, Optional.of(created), new PlannedChanges());
    }
    ActualSecurityGroup sg = existing.get();
    Ref ref = ref(sg);
    TagDiff.diff(ref, spec.get().tags(), sg.tags())
        .map(t -> new Change.UpdateSecurityGroupTags(ref, t.add(), t.remove()))
        .ifPresent(c -> changes.add(c).tags(label(ref), c.add(), c.remove(), sg.tags()));
    Map<String, SecurityGroupRule> want = SecurityGroupRules.byKey(spec.get().ingress());
    Map<String, SecurityGroupRule> have = SecurityGroupRules.byKey(sg.ingress());
    List<SecurityGroupRule> missing = Matches.absentFrom(want, have);
    List<SecurityGroupRule> extra = Matches.absentFrom(have, want);
    if (!missing.isEmpty()) {
      authorize(ref, missing, changes);
    }
    if (!extra.isEmpty()) {
      changes
          .add(new Change.RevokeSecurityGroupIngress(ref, extra))
          .differs(
              label(ref), "inbound rules", DriftFinding.ABSENT, SecurityGroupRules.describe(extra));
    }
    return new Result(changes, Optional.of(ref), new PlannedChanges());
  }

  private static void authorize(Ref group, List<SecurityGroupRule> rules, PlannedChanges out) {
    out.add(new Change.AuthorizeSecurityGroupIngress(group, rules))
        .differs(
            label(group), "inbound rules", SecurityGroupRules.describe(rules), DriftFinding.ABSENT);
  }

  private static String label(Ref group) {
    return "security group " + group;
  }

  static Ref ref(ActualSecurityGroup sg) {
    return Ref.existing(sg.groupId(), ResourceKeys.SECURITY_GROUP);
  }

  /** The cluster tag (any value: the reader matched it), this stack's tag and the resource tag. */
  private static void requireOwned(StackId id, Map<String, String> tags, String what) {
    boolean owned =
        tags.containsKey(Tags.CLUSTER)
            && Objects.equals(id.name(), tags.get(id.stackTagKey()))
            && ResourceKeys.SECURITY_GROUP.equals(tags.get(id.resourceTagKey()));
    if (!owned) {
      throw new IllegalArgumentException(
          what + " lacks the ownership tags of " + id + "'s managed security group: " + tags);
    }
  }
}
