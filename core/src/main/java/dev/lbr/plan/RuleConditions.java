package dev.lbr.plan;

import dev.lbr.model.RuleCondition;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Compares rule conditions as LBC's {@code CompareOptionForRuleConditions} does, normalised a step
 * further: the order of conditions and of the values inside one does not matter (a condition
 * matches when any of its values does), and an absent list equals an empty one.
 */
final class RuleConditions {
  private RuleConditions() {}

  static boolean same(List<RuleCondition> desired, List<RuleCondition> actual) {
    return normal(desired).equals(normal(actual));
  }

  /** One condition in comparable form. */
  private record Normal(
      String field,
      String httpHeaderName,
      List<String> values,
      List<String> regexValues,
      List<Query> queryStrings) {}

  /** A query string pair; an absent key (any key) is "". */
  private record Query(String key, String value) {}

  private static List<Normal> normal(List<RuleCondition> conditions) {
    return conditions.stream()
        .map(RuleConditions::normal)
        .sorted(Comparator.comparing(Normal::toString))
        .toList();
  }

  private static Normal normal(RuleCondition c) {
    List<Query> queries =
        c.queryStrings() == null
            ? List.of()
            : c.queryStrings().stream()
                .map(
                    q ->
                        new Query(
                            Objects.requireNonNullElse(q.key(), ""),
                            Objects.requireNonNullElse(q.value(), "")))
                .sorted(Comparator.comparing(Query::key).thenComparing(Query::value))
                .toList();
    return new Normal(
        c.field() == null ? "" : c.field().toLowerCase(Locale.ROOT),
        Objects.requireNonNullElse(c.httpHeaderName(), ""),
        sorted(c.values()),
        sorted(c.regexValues()),
        queries);
  }

  private static List<String> sorted(List<String> values) {
    return values == null ? List.of() : values.stream().sorted().toList();
  }
}
