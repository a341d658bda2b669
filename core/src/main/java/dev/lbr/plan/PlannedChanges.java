package dev.lbr.plan;

import dev.lbr.model.StackId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Changes in the order a planner decides them, each recorded with the findings it is based on: the
 * fields the planner compared and found different, as {@link DriftFinding}s whose action is the
 * change's {@link Change#describe()}. A change that only follows from another one in the same plan
 * (the attributes and targets of a target group the plan creates, the rules of a listener it
 * creates) is recorded with none. Local to one planning, so the planners stay pure.
 */
public final class PlannedChanges {
  private final List<Change> changes = new ArrayList<>();
  private final List<DriftFinding> findings = new ArrayList<>();

  /** Records {@code change}; what differs is recorded on the returned {@link Reasons}. */
  public Reasons add(Change change) {
    changes.add(change);
    return new Reasons(change.describe());
  }

  /** Records a change that only follows from another one in the plan: no finding of its own. */
  public PlannedChanges follows(Change change) {
    changes.add(change);
    return this;
  }

  /** Appends another planner's changes, with their findings. */
  public PlannedChanges addAll(PlannedChanges other) {
    changes.addAll(other.changes);
    findings.addAll(other.findings);
    return this;
  }

  public List<Change> changes() {
    return List.copyOf(changes);
  }

  public List<DriftFinding> findings() {
    return List.copyOf(findings);
  }

  Plan toPlan(StackId id) {
    return new Plan(id, changes, findings);
  }

  /** A list compared as a set, as the report prints it. */
  static String asSet(Collection<String> values) {
    return new TreeSet<>(values).toString();
  }

  /** The findings of one change; a null value is reported as {@link DriftFinding#UNSET}. */
  public final class Reasons {
    private final String action;

    private Reasons(String action) {
      this.action = action;
    }

    public Reasons differs(String resource, String field, String expected, String found) {
      findings.add(
          new DriftFinding(
              resource,
              field,
              Objects.requireNonNullElse(expected, DriftFinding.UNSET),
              Objects.requireNonNullElse(found, DriftFinding.UNSET),
              action));
      return this;
    }

    /** The resource should exist and does not. */
    public Reasons missing(String resource) {
      return differs(resource, "existence", DriftFinding.PRESENT, DriftFinding.ABSENT);
    }

    /** The resource exists and should not. */
    public Reasons extra(String resource) {
      return differs(resource, "existence", DriftFinding.ABSENT, DriftFinding.PRESENT);
    }

    /** Each attribute the change sets, against the value {@code found}. */
    public Reasons attributes(
        String resource, Map<String, String> desired, Map<String, String> found) {
      desired.forEach((k, v) -> differs(resource, "attribute " + k, v, found.get(k)));
      return this;
    }

    /** Each tag the change adds or removes, against the value {@code found}. */
    public Reasons tags(
        String resource, Map<String, String> add, Set<String> remove, Map<String, String> found) {
      add.forEach((k, v) -> differs(resource, "tag " + k, v, found.get(k)));
      remove.forEach(k -> differs(resource, "tag " + k, null, found.get(k)));
      return this;
    }
  }
}
