package dev.lbr.plan;

import dev.lbr.model.Action;
import dev.lbr.model.TargetGroupRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares desired actions with actions read back, as LBC's {@code CompareOptionForActions}:
 * forwards compare by resolved target group (order ignored, the weight of a lone target group
 * ignored, stickiness only when desired), redirects fill AWS's {@code #{...}} defaults, text
 * compares null as empty.
 *
 * <p>A desired {@link TargetGroupRef#managed managed} reference resolves to the ARN of the actual
 * target group kept for that resource id; one that is created or replaced in this plan resolves to
 * a pending key no ARN can equal, so the action always differs.
 */
public final class ActionEquality {
  private final Map<String, String> keptArnByResourceId;

  /** {@code keptArnByResourceId}: resource id → ARN of the actual target group the plan keeps. */
  public ActionEquality(Map<String, String> keptArnByResourceId) {
    this.keptArnByResourceId = Map.copyOf(keptArnByResourceId);
  }

  public boolean same(List<Action> desired, List<Action> actual) {
    if (desired.size() != actual.size()) {
      return false;
    }
    for (int i = 0; i < desired.size(); i++) {
      if (!same(desired.get(i), actual.get(i))) {
        return false;
      }
    }
    return true;
  }

  public boolean same(Action desired, Action actual) {
    return switch (desired) {
      case Action.Forward d when actual instanceof Action.Forward a -> sameForward(d, a);
      case Action.Redirect d when actual instanceof Action.Redirect a ->
          normal(d).equals(normal(a));
      case Action.FixedResponse d when actual instanceof Action.FixedResponse a ->
          Semantics.sameText(d.statusCode(), a.statusCode())
              && Semantics.sameText(d.contentType(), a.contentType())
              && Semantics.sameText(d.messageBody(), a.messageBody());
      default -> false;
    };
  }

  /** The key a target group reference compares by: {@code arn:<arn>} or {@code pending:<id>}. */
  public String key(TargetGroupRef ref) {
    if (ref.arn() != null) {
      return "arn:" + ref.arn();
    }
    String kept = keptArnByResourceId.get(ref.resourceId());
    return kept != null ? "arn:" + kept : "pending:" + ref.resourceId();
  }

  private boolean sameForward(Action.Forward desired, Action.Forward actual) {
    if (desired.stickinessDurationSeconds() != null
        && !desired.stickinessDurationSeconds().equals(actual.stickinessDurationSeconds())) {
      return false;
    }
    return tuples(desired).equals(tuples(actual));
  }

  private record Tuple(String key, Integer weight) {}

  private List<Tuple> tuples(Action.Forward forward) {
    List<Tuple> tuples = new ArrayList<>();
    boolean alone = forward.targetGroups().size() == 1;
    for (Action.WeightedTargetGroup tg : forward.targetGroups()) {
      tuples.add(new Tuple(key(tg.targetGroup()), alone ? null : tg.weight()));
    }
    tuples.sort(Comparator.comparing(Tuple::key));
    return tuples;
  }

  private static Action.Redirect normal(Action.Redirect r) {
    return new Action.Redirect(
        orDefault(r.protocol(), "#{protocol}"),
        orDefault(r.port(), "#{port}"),
        orDefault(r.host(), "#{host}"),
        orDefault(r.path(), "/#{path}"),
        orDefault(r.query(), "#{query}"),
        Objects.requireNonNullElse(r.statusCode(), ""));
  }

  private static String orDefault(String value, String awsDefault) {
    return Semantics.isBlank(value) ? awsDefault : value;
  }
}
