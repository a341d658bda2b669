package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.Action;
import dev.lbr.model.ActualListener;
import dev.lbr.model.ActualListener.ActualRule;
import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.RuleCondition;
import dev.lbr.model.RuleSpec;
import dev.lbr.model.TargetGroupRef;
import dev.lbr.model.TargetGroupSpec;
import dev.lbr.plan.Change;
import dev.lbr.plan.Plan;
import dev.lbr.plan.Planner;
import dev.lbr.testing.EmulatedAccount;
import dev.lbr.testing.MotoQuirks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An ALB stack with rules applied to the emulator, read back, changed and applied again. */
class RuleApplyEmulatorTest {
  private static final String API = "game/api:80";
  private static final String WEB = "game/web:80";
  private static final Action NOT_FOUND = new Action.FixedResponse("404", "text/plain", null);

  private EmulatedAccount account;
  private ActualStateReader reader;
  private PlanApplier applier;
  private final Planner planner = new Planner();

  @BeforeEach
  void setUp() {
    account = EmulatedAccount.fresh();
    reader = new ActualStateReader(account.elb, new SdkEc2Gateway(account.clients.ec2()));
    // moto cannot move rules onto priorities others leave in the same call; AWS can.
    applier =
        new PlanApplier(
            MotoQuirks.ruleMovesInSteps(account.elb), new SdkEc2Gateway(account.clients.ec2()));
  }

  @AfterEach
  void tearDown() {
    account.close();
  }

  @Test
  void rulesAreAppliedReadBackAndReorderedModifiedAddedAndRemovedUntilNothingIsLeftToPlan() {
    Action redirect =
        new Action.Redirect("HTTPS", "443", "#{host}", "/#{path}", "#{query}", "HTTP_301");
    Action debug = new Action.FixedResponse("503", "application/json", "{\"debug\":true}");
    RuleSpec api = rule(1, List.of(path("/api/*")), forward(API), "80:1");
    RuleSpec old = rule(2, List.of(host("old.example.com")), redirect, "80:2");
    RuleSpec canary = rule(3, List.of(header("x-canary", "always")), weighted(80, 20), "80:3");
    RuleSpec debugRule = rule(4, List.of(query("debug", "1"), path("/debug")), debug, "80:4");
    RuleSpec web = rule(5, List.of(path("/web/*", "/static/*")), forward(WEB), "80:5");

    ActualStack first = converge(stack(api, old, canary, debugRule, web));

    assertThat(rules(first)).extracting(ActualRule::priority).containsExactly(1, 2, 3, 4, 5);
    assertThat(rules(first).get(1).actions()).containsExactly(redirect);
    assertThat(rules(first).get(3).conditions())
        .containsExactly(query("debug", "1"), path("/debug"));
    assertThat(rules(first).get(0).tags()).containsEntry("ingress.k8s.aws/resource", "80:1");

    RuleSpec newRule = rule(5, List.of(path("/new/*")), forward(API), "80:5");
    RuleSpec retagged =
        new RuleSpec(4, debugRule.conditions(), debugRule.actions(), plus(debugRule.tags()));
    DesiredStack changed =
        stack(
            moved(web, 1, "80:1"),
            moved(api, 2, "80:2"),
            rule(3, canary.conditions(), weighted(50, 50), "80:3"),
            retagged,
            newRule);
    Plan plan = planner.plan(changed, first, Map.of());
    assertThat(plan.changes())
        .extracting(c -> c.getClass().getSimpleName())
        .containsExactly(
            "SetRulePriorities",
            "ModifyRule",
            "CreateRule",
            "DeleteRule",
            "UpdateTags", // rule 1 was rule 5: its resource tag follows its priority
            "UpdateTags",
            "UpdateTags");

    ActualStack second = converge(changed);

    List<ActualRule> rules = rules(second);
    assertThat(rules).extracting(ActualRule::priority).containsExactly(1, 2, 3, 4, 5);
    assertThat(rules.get(0).arn()).as("moved, not recreated").isEqualTo(rules(first).get(4).arn());
    assertThat(rules.get(0).conditions()).containsExactly(path("/web/*", "/static/*"));
    assertThat(rules.get(1).arn()).isEqualTo(rules(first).get(0).arn());
    assertThat(rules.get(2).arn()).as("modified in place").isEqualTo(rules(first).get(2).arn());
    assertThat(rules.get(2).actions()).hasSize(1).first().isInstanceOf(Action.Forward.class);
    assertThat(((Action.Forward) rules.get(2).actions().get(0)).targetGroups())
        .extracting(Action.WeightedTargetGroup::weight)
        .containsExactly(50, 50);
    assertThat(rules.get(3).tags()).containsEntry("team", "debug");
    assertThat(rules.get(4).conditions()).containsExactly(path("/new/*"));
    assertThat(rules).extracting(ActualRule::arn).doesNotContain(rules(first).get(1).arn());
  }

  /** Plans and applies until the plan is empty; fails if that takes more than one apply. */
  private ActualStack converge(DesiredStack desired) {
    ActualStack actual = read();
    applier.apply(planner.plan(desired, actual, Map.of()), actual, ApplyListener.none());
    ActualStack after = read();
    List<String> left =
        planner.plan(desired, after, Map.of()).changes().stream().map(Change::describe).toList();
    assertThat(left).as("the plan after applying").isEmpty();
    return after;
  }

  private ActualStack read() {
    return reader.read(Specs.GAME, EmulatedAccount.CLUSTER, Map.of(), true);
  }

  private static List<ActualRule> rules(ActualStack stack) {
    ActualListener listener = stack.listeners().get(0);
    return listener.rules();
  }

  private DesiredStack stack(RuleSpec... rules) {
    ListenerSpec http =
        new ListenerSpec(80, "HTTP", null, null, null, List.of(NOT_FOUND), List.of(rules), null);
    return new DesiredStack(
        Specs.GAME,
        Optional.of(
            Specs.alb(
                "k8s-game-game2048-0123456789",
                account.world.publicSubnetIds(),
                List.of(),
                Specs.tags(Specs.GAME, "LoadBalancer"))),
        List.of(tg(API, "k8s-game-api-0123456789"), tg(WEB, "k8s-game-web-0123456789")),
        List.of(http),
        Map.of());
  }

  private TargetGroupSpec tg(String resourceId, String name) {
    return Specs.httpTargetGroup(
        resourceId, name, account.world.vpcId(), Specs.tags(Specs.GAME, resourceId));
  }

  /** LBC's rule tags: the stack's tags and the rule's resource id, {@code <port>:<priority>}. */
  private static RuleSpec rule(
      int priority, List<RuleCondition> conditions, Action action, String resourceId) {
    return new RuleSpec(priority, conditions, List.of(action), Specs.tags(Specs.GAME, resourceId));
  }

  private static RuleSpec moved(RuleSpec rule, int priority, String resourceId) {
    return rule(priority, rule.conditions(), rule.actions().get(0), resourceId);
  }

  private static Map<String, String> plus(Map<String, String> tags) {
    Map<String, String> more = new HashMap<>(tags);
    more.put("team", "debug");
    return more;
  }

  private static Action forward(String resourceId) {
    return Action.Forward.to(TargetGroupRef.managed(resourceId));
  }

  private static Action weighted(int api, int web) {
    return new Action.Forward(
        List.of(
            new Action.WeightedTargetGroup(TargetGroupRef.managed(API), api),
            new Action.WeightedTargetGroup(TargetGroupRef.managed(WEB), web)),
        null);
  }

  private static RuleCondition path(String... values) {
    return new RuleCondition("path-pattern", List.of(values), null, null, null);
  }

  private static RuleCondition host(String value) {
    return new RuleCondition("host-header", List.of(value), null, null, null);
  }

  private static RuleCondition header(String name, String value) {
    return new RuleCondition("http-header", List.of(value), null, name, null);
  }

  private static RuleCondition query(String key, String value) {
    return new RuleCondition(
        "query-string", null, null, null, List.of(new RuleCondition.QueryString(key, value)));
  }
}
