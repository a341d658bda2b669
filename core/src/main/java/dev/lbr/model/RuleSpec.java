package dev.lbr.model;

import java.util.List;
import java.util.Map;

/** A listener rule (ALB). */
public record RuleSpec(
    int priority, List<RuleCondition> conditions, List<Action> actions, Map<String, String> tags) {
  public RuleSpec {
    conditions = List.copyOf(conditions);
    actions = List.copyOf(actions);
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }
}
