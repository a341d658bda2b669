package dev.lbr.plan;

import static dev.lbr.plan.AlbFixtures.API;
import static dev.lbr.plan.AlbFixtures.WEB;
import static dev.lbr.plan.AlbFixtures.forward;
import static dev.lbr.plan.AlbFixtures.http80;
import static dev.lbr.plan.AlbFixtures.path;
import static dev.lbr.plan.AlbFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.model.Action;
import dev.lbr.model.ActualListener;
import dev.lbr.model.ActualListener.ActualRule;
import dev.lbr.model.RuleCondition;
import dev.lbr.model.RuleSpec;
import dev.lbr.model.TargetGroupRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link ListenerRulePlanner} on one existing HTTP listener: LBC's rule synthesizer cases. */
class ListenerRulePlanTest {
  private static final String API_ARN = "arn:tg/api";
  private static final String WEB_ARN = "arn:tg/web";
  private static final Ref LISTENER = Ref.existing("arn:listener/80", "listener/80");

  private final ActionEquality actions = new ActionEquality(Map.of(API, API_ARN, WEB, WEB_ARN));
  private final ListenerRulePlanner planner = new ListenerRulePlanner();

  @Test
  void anUnchangedListenerPlansNothing() {
    RuleSpec api =
        new RuleSpec(
            1,
            List.of(host("a.example.com", "b.example.com"), path("/api/*")),
            List.of(forward(API)),
            Map.of("k", "v"));
    // AWS's form: conditions and values in another order, forward by ARN with weight 1.
    ActualRule read =
        new ActualRule(
            "arn:rule/1",
            1,
            List.of(path("/api/*"), host("b.example.com", "a.example.com")),
            List.of(
                new Action.Forward(
                    List.of(new Action.WeightedTargetGroup(TargetGroupRef.external(API_ARN), 1)),
                    null)),
            Map.of("k", "v"));

    assertThat(plan(List.of(api, rule(2, "/web", WEB)), read, existing(2, "/web", WEB_ARN)))
        .isEmpty();
  }

  @Test
  void aRuleWithOtherSettingsAtTheSamePriorityIsModifiedInPlace() {
    RuleSpec changed = rule(1, "/api/v2/*", API);

    assertThat(plan(List.of(changed), existing(1, "/api/*", API_ARN)))
        .containsExactly(new Change.ModifyRule(ruleRef(1), changed));
  }

  @Test
  void aNewRuleIsCreatedAndAGoneOneDeletedWithoutMovingAnything() {
    RuleSpec web = rule(2, "/web", WEB);

    assertThat(plan(List.of(rule(1, "/api", API), web), existing(1, "/api", API_ARN)))
        .containsExactly(new Change.CreateRule(LISTENER, web));
    assertThat(
            plan(
                List.of(rule(1, "/api", API)),
                existing(1, "/api", API_ARN),
                existing(2, "/x", "a")))
        .containsExactly(new Change.DeleteRule(ruleRef(2)));
  }

  @Test
  void aRuleInsertedAtTheTopMovesTheOthersDownInOneCallBeforeItIsCreated() {
    RuleSpec top = rule(1, "/new", WEB);

    assertThat(
            plan(
                List.of(top, rule(2, "/api", API), rule(3, "/web", WEB)),
                existing(1, "/api", API_ARN),
                existing(2, "/web", WEB_ARN)))
        .containsExactly(
            new Change.SetRulePriorities(LISTENER, Map.of("arn:rule/1", 2, "arn:rule/2", 3)),
            new Change.CreateRule(LISTENER, top));
  }

  @Test
  void twoRulesSwapPrioritiesInOneCall() {
    assertThat(
            plan(
                List.of(rule(1, "/web", WEB), rule(2, "/api", API)),
                existing(1, "/api", API_ARN),
                existing(2, "/web", WEB_ARN)))
        .containsExactly(
            new Change.SetRulePriorities(LISTENER, Map.of("arn:rule/2", 1, "arn:rule/1", 2)));
  }

  @Test
  void rulesToDeleteAreParkedFrom50000DownInTheSameCallThenDeletedAfterTheCreates() {
    RuleSpec added = rule(3, "/added", WEB);

    List<Change> changes =
        plan(
            List.of(rule(1, "/web", WEB), rule(2, "/api", API), added),
            existing(1, "/api", API_ARN),
            existing(2, "/gone-a", WEB_ARN),
            existing(5, "/gone-b", WEB_ARN),
            existing(7, "/web", WEB_ARN));

    Map<String, Integer> priorities = new LinkedHashMap<>();
    priorities.put("arn:rule/5", 50000);
    priorities.put("arn:rule/2", 49999);
    priorities.put("arn:rule/7", 1);
    priorities.put("arn:rule/1", 2);
    assertThat(changes)
        .containsExactly(
            new Change.SetRulePriorities(LISTENER, priorities),
            new Change.CreateRule(LISTENER, added),
            new Change.DeleteRule(ruleRef(2)),
            new Change.DeleteRule(ruleRef(5)));
    assertThat(((Change.SetRulePriorities) changes.get(0)).priorities().keySet())
        .as("parked first, then moved by desired priority")
        .containsExactly("arn:rule/5", "arn:rule/2", "arn:rule/7", "arn:rule/1");
  }

  @Test
  void changesComeInLbcOrderMovesModificationsCreatesDeletesThenTags() {
    RuleSpec modified = rule(2, "/api/v2", API);
    RuleSpec created = rule(4, "/new", WEB);
    RuleSpec retagged = new RuleSpec(3, List.of(path("/tagged")), List.of(forward(WEB)), tags("b"));

    List<Change> changes =
        plan(
            List.of(rule(1, "/web", WEB), modified, retagged, created),
            existing(2, "/api", API_ARN),
            existing(3, "/web", WEB_ARN),
            new ActualRule(
                "arn:rule/5", 5, List.of(path("/tagged")), List.of(forwardArn(WEB_ARN)), tags("a")),
            existing(9, "/gone", WEB_ARN));

    assertThat(changes)
        .containsExactly(
            new Change.SetRulePriorities(
                LISTENER, Map.of("arn:rule/9", 50000, "arn:rule/3", 1, "arn:rule/5", 3)),
            new Change.ModifyRule(ruleRef(2), modified),
            new Change.CreateRule(LISTENER, created),
            new Change.DeleteRule(ruleRef(9)),
            new Change.UpdateTags(ruleRef(5), Map.of("team", "b"), Set.of()));
  }

  @Test
  void aRuleAlreadyInPlaceStaysThereEvenWhenAnotherHasTheSameSettings() {
    assertThat(
            plan(
                List.of(rule(2, "/dup", API)),
                existing(1, "/dup", API_ARN),
                existing(2, "/dup", API_ARN)))
        .containsExactly(new Change.DeleteRule(ruleRef(1)));
  }

  @Test
  void weightedForwardsCompareByResolvedTargetGroupsAndWeights() {
    Action weighted = weighted(API, 80, WEB, 20);
    Action asRead =
        new Action.Forward(
            List.of(
                new Action.WeightedTargetGroup(TargetGroupRef.external(WEB_ARN), 20),
                new Action.WeightedTargetGroup(TargetGroupRef.external(API_ARN), 80)),
            null);
    RuleSpec canary = new RuleSpec(1, List.of(path("/")), List.of(weighted), null);
    RuleSpec shifted =
        new RuleSpec(1, List.of(path("/")), List.of(weighted(API, 50, WEB, 50)), null);
    ActualRule read = new ActualRule("arn:rule/1", 1, List.of(path("/")), List.of(asRead));

    assertThat(plan(List.of(canary), read)).isEmpty();
    assertThat(plan(List.of(shifted), read))
        .containsExactly(new Change.ModifyRule(ruleRef(1), shifted));
  }

  @Test
  void aForwardToATargetGroupCreatedInThisPlanIsAlwaysModified() {
    ActionEquality replaced = new ActionEquality(Map.of(WEB, WEB_ARN));
    RuleSpec api = rule(1, "/api", API);

    assertThat(
            planner
                .plan(
                    http80(api),
                    Optional.of(actual(existing(1, "/api", API_ARN))),
                    LISTENER,
                    replaced)
                .changes())
        .containsExactly(new Change.ModifyRule(ruleRef(1), api));
  }

  @Test
  void aListenerCreatedInThisPlanGetsEveryRuleCreatedInPriorityOrder() {
    Ref pending = Ref.pending("listener/80");
    RuleSpec one = rule(1, "/a", API);
    RuleSpec two = rule(2, "/b", WEB);

    assertThat(planner.plan(http80(two, one), Optional.empty(), pending, actions).changes())
        .containsExactly(new Change.CreateRule(pending, one), new Change.CreateRule(pending, two));
  }

  @Test
  void twoDesiredRulesWithOnePriorityAreRejected() {
    assertThatThrownBy(() -> plan(List.of(rule(1, "/a", API), rule(1, "/b", WEB))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("priority 1");
  }

  @Test
  void describeLinesNameTheRuleTheListenerAndWhatTheRuleDoes() {
    RuleSpec api =
        new RuleSpec(3, List.of(path("/api/*")), List.of(weighted(API, 80, WEB, 20)), null);

    assertThat(new Change.CreateRule(LISTENER, api).describe())
        .isEqualTo(
            "create rule 3 on listener/80: path-pattern [/api/*] → forward to game/api:80 weight 80,"
                + " game/web:80 weight 20");
    assertThat(new Change.DeleteRule(ruleRef(3)).describe())
        .isEqualTo("delete rule listener/80/rule/3");
    assertThat(
            new Change.SetRulePriorities(LISTENER, Map.of("arn:aws:x:listener-rule/app/a/b/c/d", 2))
                .describe())
        .isEqualTo("set rule priorities on listener/80: d → 2");
  }

  private List<Change> plan(List<RuleSpec> desired, ActualRule... existing) {
    return planner
        .plan(
            http80(desired.toArray(RuleSpec[]::new)),
            Optional.of(actual(existing)),
            LISTENER,
            actions)
        .changes();
  }

  private static ActualListener actual(ActualRule... rules) {
    return new ActualListener(
        "arn:listener/80",
        80,
        "HTTP",
        null,
        null,
        null,
        null,
        List.of(new Action.FixedResponse("404", "text/plain", null)),
        List.of(rules),
        null);
  }

  private static Ref ruleRef(int priority) {
    return Ref.existing("arn:rule/" + priority, "listener/80/rule/" + priority);
  }

  private static ActualRule existing(int priority, String path, String tgArn) {
    return new ActualRule(
        "arn:rule/" + priority, priority, List.of(path(path)), List.of(forwardArn(tgArn)));
  }

  private static Map<String, String> tags(String team) {
    return Map.of("team", team);
  }

  private static Action forwardArn(String arn) {
    return Action.Forward.to(TargetGroupRef.external(arn));
  }

  private static Action weighted(String a, int weightA, String b, int weightB) {
    return new Action.Forward(
        List.of(
            new Action.WeightedTargetGroup(TargetGroupRef.managed(a), weightA),
            new Action.WeightedTargetGroup(TargetGroupRef.managed(b), weightB)),
        null);
  }

  private static RuleCondition host(String... values) {
    return new RuleCondition("host-header", List.of(values), null, null, null);
  }
}
