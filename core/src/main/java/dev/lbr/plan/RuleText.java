package dev.lbr.plan;

import dev.lbr.model.Action;
import dev.lbr.model.ActualListener.ActualRule;
import dev.lbr.model.RuleCondition;
import dev.lbr.model.RuleSpec;
import dev.lbr.model.TargetGroupRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * A rule in one line for {@code lbr plan}: {@code path-pattern [/api/*] → forward to ns/svc:80}.
 */
final class RuleText {
  private RuleText() {}

  static String of(RuleSpec rule) {
    return of(rule.conditions(), rule.actions());
  }

  /** A rule as read, in the same form. */
  static String of(ActualRule rule) {
    return of(rule.conditions(), rule.actions());
  }

  /** Actions alone, as a listener's default actions: {@code forward to ns/svc:80}. */
  static String actions(List<Action> actions) {
    StringJoiner text = new StringJoiner(", then ");
    actions.forEach(a -> text.add(action(a)));
    return text.toString();
  }

  private static String of(List<RuleCondition> conditions, List<Action> actions) {
    StringJoiner text = new StringJoiner(" and ");
    conditions.forEach(c -> text.add(condition(c)));
    return text + " → " + actions(actions);
  }

  private static String condition(RuleCondition c) {
    List<String> values = new ArrayList<>();
    if (c.values() != null) {
      values.addAll(c.values());
    }
    if (c.regexValues() != null) {
      c.regexValues().forEach(r -> values.add("~" + r));
    }
    if (c.queryStrings() != null) {
      c.queryStrings()
          .forEach(q -> values.add(Objects.requireNonNullElse(q.key(), "") + "=" + q.value()));
    }
    String header = c.httpHeaderName() == null ? "" : " " + c.httpHeaderName();
    return c.field() + header + " " + values;
  }

  private static String action(Action action) {
    return switch (action) {
      case Action.Forward f -> {
        StringJoiner groups = new StringJoiner(", ");
        for (Action.WeightedTargetGroup w : f.targetGroups()) {
          groups.add(name(w.targetGroup()) + (w.weight() == null ? "" : " weight " + w.weight()));
        }
        yield "forward to " + groups;
      }
      case Action.FixedResponse r -> "fixed response " + r.statusCode();
      case Action.Redirect r -> {
        StringJoiner to = new StringJoiner(" ");
        Stream.of(r.protocol(), r.host(), r.port(), r.path(), r.query())
            .filter(Objects::nonNull)
            .forEach(to::add);
        yield "redirect " + r.statusCode() + " to " + to;
      }
    };
  }

  private static String name(TargetGroupRef ref) {
    return ref.resourceId() != null ? ref.resourceId() : ref.arn();
  }
}
