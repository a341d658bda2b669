package dev.lbr.plan;

import dev.lbr.model.ActualListener;
import dev.lbr.model.ActualListener.ActualRule;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.RuleSpec;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A listener's non-default rules, planned as LBC's {@code listener_rule_synthesizer.go} and {@code
 * listener_rule_manager.go} do. With the rules paired up ({@link RuleMatches}):
 *
 * <ol>
 *   <li>one {@code SetRulePriorities} moves each rule matched by settings to its desired priority;
 *       the same call first pushes the rules to delete down to 50000, 49999, … so that no moved
 *       rule lands on one of them (only when something moves: otherwise nothing can collide);
 *   <li>{@code ModifyRule} for each rule matched by priority only, in place, so traffic never meets
 *       a missing rule;
 *   <li>{@code CreateRule} for each desired rule left, then {@code DeleteRule} for each existing
 *       rule left (creating first keeps every path served; the applier deletes early when a
 *       listener is full);
 *   <li>tags of the kept rules, where they differ.
 * </ol>
 *
 * A listener created by this plan gets every rule created after it. Pure and deterministic.
 */
public final class ListenerRulePlanner implements RulePlanner {
  /** Where LBC parks rules on their way out. */
  static final int PARKING_PRIORITY = 50000;

  @Override
  public PlannedChanges plan(
      ListenerSpec desired, Optional<ActualListener> actual, Ref listener, ActionEquality actions) {
    List<RuleSpec> wanted =
        desired.rules().stream().sorted(Comparator.comparingInt(RuleSpec::priority)).toList();
    requireUniquePriorities(desired.port(), wanted);
    PlannedChanges out = new PlannedChanges();
    if (actual.isEmpty()) { // the rules follow from creating the listener
      wanted.forEach(rule -> out.follows(new Change.CreateRule(listener, rule)));
      return out;
    }
    ActualListener read = actual.get();
    RuleMatches m = RuleMatches.of(wanted, read.rules(), actions);
    if (!m.moved().isEmpty()) {
      Map<ActualRule, Integer> moves = new LinkedHashMap<>();
      int parking = PARKING_PRIORITY;
      for (ActualRule gone : m.onlyActual().reversed()) {
        moves.put(gone, parking--);
      }
      m.moved().forEach(p -> moves.put(p.actual(), p.desired().priority()));
      Map<String, Integer> priorities = new LinkedHashMap<>();
      moves.forEach((rule, priority) -> priorities.put(rule.arn(), priority));
      PlannedChanges.Reasons why = out.add(new Change.SetRulePriorities(listener, priorities));
      moves.forEach(
          (rule, priority) ->
              why.differs(
                  "rule " + rule.arn().substring(rule.arn().lastIndexOf('/') + 1),
                  "priority",
                  priority.toString(),
                  Integer.toString(rule.priority())));
    }
    for (RuleMatches.Pair p : m.modified()) {
      Ref rule = ref(listener, p.actual());
      out.add(new Change.ModifyRule(rule, p.desired()))
          .differs(
              "rule " + p.desired().priority() + " (" + rule + ")",
              "conditions and actions",
              RuleText.of(p.desired()),
              RuleText.of(p.actual()));
    }
    for (RuleSpec rule : m.onlyDesired()) {
      out.add(new Change.CreateRule(listener, rule))
          .differs(
              "rule " + rule.priority() + " of listener " + read.protocol() + ":" + read.port(),
              "existence",
              RuleText.of(rule),
              DriftFinding.ABSENT);
    }
    for (ActualRule rule : m.onlyActual()) {
      Ref ref = ref(listener, rule);
      out.add(new Change.DeleteRule(ref))
          .differs("rule " + ref, "existence", DriftFinding.ABSENT, RuleText.of(rule));
    }
    Stream.of(m.unchanged(), m.moved(), m.modified())
        .flatMap(List::stream)
        .sorted(Comparator.comparingInt(p -> p.desired().priority()))
        .forEach(
            p -> {
              Ref ref = ref(listener, p.actual());
              TagDiff.plan(ref, "resource " + ref, p.desired().tags(), p.actual().tags(), out);
            });
    return out;
  }

  /** An existing rule, named after its listener and its priority as read. */
  static Ref ref(Ref listener, ActualRule rule) {
    return Ref.existing(rule.arn(), ResourceKeys.rule(listener.toString(), rule.priority()));
  }

  private static void requireUniquePriorities(int port, List<RuleSpec> rules) {
    Set<Integer> seen = new HashSet<>();
    for (RuleSpec rule : rules) {
      if (!seen.add(rule.priority())) {
        throw new IllegalArgumentException(
            "listener " + port + " has two rules with priority " + rule.priority());
      }
    }
  }
}
