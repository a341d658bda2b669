package dev.lbr.model;

import java.util.List;
import java.util.Map;

/**
 * A listener as read back. Actions refer to target groups by ARN ({@link TargetGroupRef#arn()}).
 * {@code rules} excludes the default rule.
 */
public record ActualListener(
    String arn,
    int port,
    String protocol,
    List<String> certificateArns,
    String sslPolicy,
    String alpnPolicy,
    List<Action> defaultActions,
    List<ActualRule> rules,
    Map<String, String> tags) {
  public ActualListener {
    certificateArns = certificateArns == null ? List.of() : List.copyOf(certificateArns);
    defaultActions = List.copyOf(defaultActions);
    rules = rules == null ? List.of() : List.copyOf(rules);
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  public record ActualRule(
      String arn,
      int priority,
      List<RuleCondition> conditions,
      List<Action> actions,
      Map<String, String> tags) {
    public ActualRule {
      conditions = List.copyOf(conditions);
      actions = List.copyOf(actions);
      tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** A rule read without its tags. */
    public ActualRule(
        String arn, int priority, List<RuleCondition> conditions, List<Action> actions) {
      this(arn, priority, conditions, actions, Map.of());
    }
  }
}
