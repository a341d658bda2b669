package dev.lbr.plan;

import dev.lbr.model.ActualListener.ActualRule;
import dev.lbr.model.RuleSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Desired rules paired with a listener's existing rules, as LBC's {@code
 * matchResAndSDKListenerRules}: first by settings (conditions and actions the same, whatever the
 * priority), then what is left by priority. Every list is in priority order (desired priority for
 * pairs).
 *
 * @param unchanged same settings, same priority: only tags may need work
 * @param moved same settings, another priority: reprioritised
 * @param modified same priority, other settings: modified in place
 * @param onlyDesired to create
 * @param onlyActual to delete
 */
record RuleMatches(
    List<Pair> unchanged,
    List<Pair> moved,
    List<Pair> modified,
    List<RuleSpec> onlyDesired,
    List<ActualRule> onlyActual) {

  record Pair(RuleSpec desired, ActualRule actual) {}

  /** {@code desired} in priority order, priorities unique. */
  static RuleMatches of(List<RuleSpec> desired, List<ActualRule> actual, ActionEquality actions) {
    List<ActualRule> free = new ArrayList<>(actual);
    free.sort(Comparator.comparingInt(ActualRule::priority));
    List<Pair> unchanged = new ArrayList<>();
    List<Pair> moved = new ArrayList<>();
    List<RuleSpec> unmatched = new ArrayList<>();
    // A rule that is already where it should be is kept there before anything moves. (LBC takes
    // the first existing rule with the same settings; the two differ only for duplicate rules.)
    for (RuleSpec want : desired) {
      Optional<ActualRule> same =
          free.stream()
              .filter(
                  have -> have.priority() == want.priority() && sameSettings(want, have, actions))
              .findFirst();
      same.ifPresentOrElse(
          have -> {
            unchanged.add(new Pair(want, have));
            free.remove(have);
          },
          () -> unmatched.add(want));
    }
    List<RuleSpec> unmatchedBySettings = new ArrayList<>();
    for (RuleSpec want : unmatched) {
      Optional<ActualRule> same =
          free.stream().filter(have -> sameSettings(want, have, actions)).findFirst();
      same.ifPresentOrElse(
          have -> {
            moved.add(new Pair(want, have));
            free.remove(have);
          },
          () -> unmatchedBySettings.add(want));
    }
    Map<Integer, ActualRule> freeByPriority = new TreeMap<>();
    free.forEach(have -> freeByPriority.put(have.priority(), have));
    List<Pair> modified = new ArrayList<>();
    List<RuleSpec> onlyDesired = new ArrayList<>();
    for (RuleSpec want : unmatchedBySettings) {
      ActualRule have = freeByPriority.remove(want.priority());
      if (have != null) {
        modified.add(new Pair(want, have));
      } else {
        onlyDesired.add(want);
      }
    }
    return new RuleMatches(
        List.copyOf(unchanged),
        List.copyOf(moved),
        List.copyOf(modified),
        List.copyOf(onlyDesired),
        List.copyOf(freeByPriority.values()));
  }

  static boolean sameSettings(RuleSpec desired, ActualRule actual, ActionEquality actions) {
    return RuleConditions.same(desired.conditions(), actual.conditions())
        && actions.same(desired.actions(), actual.actions());
  }
}
