package dev.lbr.aws;

import static dev.lbr.plan.AlbFixtures.ALB;
import static dev.lbr.plan.AlbFixtures.API;
import static dev.lbr.plan.AlbFixtures.WEB;
import static dev.lbr.plan.AlbFixtures.http80;
import static dev.lbr.plan.AlbFixtures.rule;
import static dev.lbr.plan.AlbFixtures.stack;
import static dev.lbr.plan.StackFixtures.actualOf;
import static dev.lbr.plan.StackFixtures.listenerArn;
import static dev.lbr.plan.StackFixtures.ruleArn;
import static dev.lbr.plan.StackFixtures.tgArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.model.Action;
import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.RuleSpec;
import dev.lbr.model.TargetGroupRef;
import dev.lbr.plan.AlbFixtures;
import dev.lbr.plan.Change;
import dev.lbr.plan.Plan;
import dev.lbr.plan.Planner;
import dev.lbr.plan.Ref;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TooManyRulesException;

/** How the applier executes rule changes. */
class PlanApplierRuleTest {
  private final RecordingElbGateway elb = new RecordingElbGateway();
  private final PlanApplier applier = new PlanApplier(elb, new RecordingEc2Gateway());
  private final PlanApplierTest.Recorder recorder = new PlanApplierTest.Recorder();
  private final String listener80 = listenerArn(ALB, 80);
  private final String apiArn = tgArn(AlbFixtures.tg(API));

  private Plan plan(DesiredStack desired, ActualStack actual) {
    return new Planner().plan(desired, actual, Map.of());
  }

  @Test
  void aNewListenersRulesAreCreatedOnTheArnItGotWithTargetGroupsResolved() {
    DesiredStack desired = stack(http80(rule(1, "/api", API), rule(2, "/web", WEB)));
    ActualStack nothing = ActualStack.empty(desired.id());

    applier.apply(plan(desired, nothing), nothing, recorder);

    assertThat(elb.calls)
        .containsSubsequence(
            "CreateListener arn:new:listener:4 on arn:new:loadbalancer:3",
            "CreateRule arn:new:rule:5 on arn:new:listener:4 at 1",
            "CreateRule arn:new:rule:6 on arn:new:listener:4 at 2");
    assertThat(elb.ruleSpecs.get(0).actions())
        .containsExactly(Action.Forward.to(TargetGroupRef.external("arn:new:targetgroup:1")));
    assertThat(elb.listenerSpecs.get(0).rules()).hasSize(2); // the gateway must not create them
  }

  @Test
  void ruleChangesOnAnExistingListenerReachTheGatewayWithArns() {
    DesiredStack before =
        stack(http80(rule(1, "/api", API), rule(2, "/web", WEB), rule(3, "/gone", WEB)));
    RuleSpec modified = rule(1, "/api/v2", API);
    DesiredStack after =
        stack(http80(modified, rule(2, "/added", API), rule(3, "/web", WEB), rule(4, "/x", API)));
    ActualStack actual = actualOf(before);

    applier.apply(plan(after, actual), actual, recorder);

    assertThat(elb.calls)
        .containsExactly(
            "SetRulePriorities {" + ruleArn(ALB, 80, 2) + "=3, " + ruleArn(ALB, 80, 3) + "=50000}",
            "ModifyRule " + ruleArn(ALB, 80, 1),
            "CreateRule arn:new:rule:1 on " + listener80 + " at 2",
            "CreateRule arn:new:rule:2 on " + listener80 + " at 4",
            "DeleteRule " + ruleArn(ALB, 80, 3));
    assertThat(elb.ruleSpecs.get(0).actions())
        .containsExactly(Action.Forward.to(TargetGroupRef.external(apiArn)));
  }

  @Test
  void aFullListenerDeletesAPlannedRuleBeforeCreatingAndDoesNotDeleteItTwice() {
    DesiredStack before = stack(http80(rule(1, "/old-a", API), rule(2, "/old-b", API)));
    DesiredStack after = stack(http80(rule(3, "/new-a", WEB), rule(4, "/new-b", WEB)));
    ActualStack actual = actualOf(before);
    elb.full(listener80);

    ApplyResult result = applier.apply(plan(after, actual), actual, recorder);

    assertThat(elb.calls)
        .containsExactly(
            "DeleteRule " + ruleArn(ALB, 80, 1),
            "CreateRule arn:new:rule:1 on " + listener80 + " at 3",
            "DeleteRule " + ruleArn(ALB, 80, 2),
            "CreateRule arn:new:rule:2 on " + listener80 + " at 4");
    assertThat(recorder.events)
        .containsExactly(
            "beforeFirstMutation",
            "DeleteRule " + ruleArn(ALB, 80, 1),
            "CreateRule arn:new:rule:1",
            "DeleteRule " + ruleArn(ALB, 80, 2),
            "CreateRule arn:new:rule:2");
    assertThat(result.calls()).as("the two refused creates are calls too").isEqualTo(6);
  }

  @Test
  void aFullListenerWithNothingToDeleteFails() {
    DesiredStack before = stack(http80(rule(1, "/a", API)));
    DesiredStack after = stack(http80(rule(1, "/a", API), rule(2, "/b", API)));
    ActualStack actual = actualOf(before);
    elb.full(listener80);

    assertThatThrownBy(() -> applier.apply(plan(after, actual), actual, recorder))
        .isInstanceOf(TooManyRulesException.class);
    assertThat(elb.calls).isEmpty();
  }

  @Test
  void aFullListenerNeverDeletesARuleOfAnotherListener() {
    Ref listener = Ref.existing(listener80, "listener/80");
    Ref otherRule = Ref.existing("arn:rule-of-another-listener", "listener/443/rule/1");
    Plan plan =
        new Plan(
            stack().id(),
            List.of(
                new Change.CreateRule(listener, rule(2, "/b", API)),
                new Change.DeleteRule(otherRule)));
    elb.full(listener80);

    assertThatThrownBy(() -> applier.apply(plan, actualOf(stack(http80())), recorder))
        .isInstanceOf(TooManyRulesException.class);
    assertThat(elb.calls).isEmpty();
  }
}
