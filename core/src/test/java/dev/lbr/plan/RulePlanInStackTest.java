package dev.lbr.plan;

import static dev.lbr.plan.AlbFixtures.ALB;
import static dev.lbr.plan.AlbFixtures.API;
import static dev.lbr.plan.AlbFixtures.WEB;
import static dev.lbr.plan.AlbFixtures.forward;
import static dev.lbr.plan.AlbFixtures.http80;
import static dev.lbr.plan.AlbFixtures.path;
import static dev.lbr.plan.AlbFixtures.rule;
import static dev.lbr.plan.AlbFixtures.stack;
import static dev.lbr.plan.AlbFixtures.tg;
import static dev.lbr.plan.StackFixtures.actualOf;
import static dev.lbr.plan.StackFixtures.lbArn;
import static dev.lbr.plan.StackFixtures.pods;
import static dev.lbr.plan.StackFixtures.ruleArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.RuleSpec;
import dev.lbr.model.TargetGroupSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules planned by the default {@link Planner}, in their place among the stack's changes. */
class RulePlanInStackTest {
  private final Planner planner = new Planner();
  private final LoadBalancerSpec alb = ALB;
  private final RuleSpec api = rule(1, "/api/*", API);
  private final RuleSpec web =
      new RuleSpec(
          2,
          List.of(path("/web/*", "/static/*")),
          List.of(forward(WEB)),
          StackFixtures.tags("80:2"));
  private final DesiredStack desired = stack(http80(api, web));

  @Test
  void theReadBackOfAnAlbStackWithRulesPlansNothing() {
    assertThat(planner.plan(desired, actualOf(desired), Map.of()).changes()).isEmpty();
  }

  @Test
  void aNewListenersRulesAreCreatedOnItAfterItAndBeforeTargets() {
    ListenerSpec bare = http80();
    ActualStack actual = actualOf(stack(bare));
    ListenerSpec https =
        new ListenerSpec(
            443,
            "HTTPS",
            List.of("arn:cert"),
            null,
            null,
            bare.defaultActions(),
            List.of(api),
            null);
    DesiredStack twoListeners =
        new DesiredStack(
            desired.id(),
            desired.loadBalancer(),
            desired.targetGroups(),
            List.of(bare, https),
            Map.of(API, pods(3), WEB, pods(1)));

    List<Change> changes = planner.plan(twoListeners, actual, Map.of()).changes();

    Ref lb = Ref.existing(lbArn(alb), "LoadBalancer");
    assertThat(changes.subList(0, 2))
        .containsExactly(
            new Change.CreateListener(lb, https),
            new Change.CreateRule(Ref.pending("listener/443"), api));
    assertThat(changes.subList(2, changes.size()))
        .singleElement()
        .isInstanceOf(Change.RegisterTargets.class);
  }

  @Test
  void aReplacedLoadBalancerGetsItsRulesAgainOnItsNewListener() {
    LoadBalancerSpec internal = SpecBuilders.lb(alb).scheme("internal").name("k8s-in").build();
    DesiredStack replaced = StackFixtures.withLb(desired, internal);

    List<Change> changes = planner.plan(replaced, actualOf(desired), Map.of()).changes();

    assertThat(changes)
        .containsSubsequence(
            new Change.CreateLoadBalancer(internal),
            new Change.CreateListener(Ref.pending("LoadBalancer"), desired.listeners().get(0)),
            new Change.CreateRule(Ref.pending("listener/80"), api),
            new Change.CreateRule(Ref.pending("listener/80"), web));
  }

  @Test
  void aRuleForwardingToAReplacedTargetGroupIsModifiedBeforeTheOldGroupIsDeleted() {
    TargetGroupSpec oldApi = desired.targetGroups().get(0);
    TargetGroupSpec newApi = SpecBuilders.tg(oldApi).port(9090).name("k8s-api-9090").build();
    DesiredStack replaced = StackFixtures.withTargetGroups(desired, newApi, tg(WEB));

    List<Change> changes = planner.plan(replaced, actualOf(desired), Map.of()).changes();

    Ref rule1 = Ref.existing(ruleArn(alb, 80, 1), "listener/80/rule/1");
    Ref oldTg = Ref.existing(StackFixtures.tgArn(oldApi), API);
    assertThat(changes)
        .containsSubsequence(
            new Change.CreateTargetGroup(newApi),
            new Change.ModifyRule(rule1, api),
            new Change.DeleteTargetGroup(oldTg));
  }

  @Test
  void reorderedRulesKeepTheirArnsAndMoveInOneCall() {
    DesiredStack reordered = stack(http80(rule(1, "/web/*", WEB), rule(2, "/api/*", API)));
    DesiredStack before = stack(http80(api, rule(2, "/web/*", WEB)));

    assertThat(planner.plan(reordered, actualOf(before), Map.of()).changes())
        .containsExactly(
            new Change.SetRulePriorities(
                Ref.existing(StackFixtures.listenerArn(alb, 80), "listener/80"),
                Map.of(ruleArn(alb, 80, 2), 1, ruleArn(alb, 80, 1), 2)));
  }
}
