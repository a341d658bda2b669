package dev.lbr.aws;

import static dev.lbr.plan.StackFixtures.TG80;
import static dev.lbr.plan.StackFixtures.actualOf;
import static dev.lbr.plan.StackFixtures.base;
import static dev.lbr.plan.StackFixtures.lbArn;
import static dev.lbr.plan.StackFixtures.listenerArn;
import static dev.lbr.plan.StackFixtures.tgArn;
import static dev.lbr.plan.StackFixtures.withLb;
import static dev.lbr.plan.StackFixtures.withTargetGroups;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.model.Action;
import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.Target;
import dev.lbr.model.TargetGroupRef;
import dev.lbr.plan.Change;
import dev.lbr.plan.Plan;
import dev.lbr.plan.Planner;
import dev.lbr.plan.Ref;
import dev.lbr.plan.SpecBuilders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanApplierTest {
  private final RecordingElbGateway elb = new RecordingElbGateway();
  private final PlanApplier applier = new PlanApplier(elb, new RecordingEc2Gateway());
  private final Recorder recorder = new Recorder();
  private final DesiredStack base = base();
  private final LoadBalancerSpec lb = base.loadBalancer().orElseThrow();

  /** Remembers what the applier reported, in order. */
  static final class Recorder implements ApplyListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void beforeFirstMutation() {
      events.add("beforeFirstMutation");
    }

    @Override
    public void applied(Change change, String arn) {
      events.add(change.getClass().getSimpleName() + " " + arn);
    }
  }

  private Plan plan(DesiredStack desired, ActualStack actual) {
    return new Planner().plan(desired, actual, Map.of());
  }

  @Test
  void aTargetsOnlyPlanIsAppliedToTargetGroupsKnownByArnWithoutAStack() {
    Plan targets =
        new Plan(
            base.id(),
            List.of(
                new Change.RegisterTargets(
                    Ref.existing("arn:tg:1", "tg-1"), List.of(new Target("10.0.0.1", 80))),
                new Change.DeregisterTargets(
                    Ref.existing("arn:tg:1", "tg-1"), List.of(new Target("10.0.0.2", 80)))));

    applier.applyTargets(targets, recorder);

    assertThat(elb.calls)
        .containsExactly("RegisterTargets arn:tg:1 1", "DeregisterTargets arn:tg:1 1");
  }

  @Test
  void aTargetsOnlyApplyRefusesAPlanThatWouldCreateAnything() {
    Plan create = plan(base, ActualStack.empty(base.id()));

    assertThatThrownBy(() -> applier.applyTargets(create, recorder))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a change of known targets");
    assertThat(elb.calls).as("nothing was called").isEmpty();
  }

  @Test
  void aNewStackResolvesPendingRefsToTheArnsItCreated() {
    ActualStack nothing = ActualStack.empty(base.id());

    ApplyResult result = applier.apply(plan(base, nothing), nothing, recorder);

    assertThat(elb.calls)
        .containsExactly(
            "CreateTargetGroup arn:new:targetgroup:1",
            "ModifyTargetGroupAttributes arn:new:targetgroup:1",
            "CreateLoadBalancer arn:new:loadbalancer:2",
            "ModifyLoadBalancerAttributes arn:new:loadbalancer:2",
            "CreateListener arn:new:listener:3 on arn:new:loadbalancer:2",
            "RegisterTargets arn:new:targetgroup:1 2");
    assertThat(elb.listenerSpecs.get(0).defaultActions())
        .containsExactly(Action.Forward.to(TargetGroupRef.external("arn:new:targetgroup:1")));
    assertThat(result)
        .isEqualTo(
            new ApplyResult(
                Map.of(
                    "LoadBalancer",
                    "arn:new:loadbalancer:2",
                    TG80,
                    "arn:new:targetgroup:1",
                    "listener/80",
                    "arn:new:listener:3"),
                6));
  }

  @Test
  void listenerSpecsReachTheGatewayWithArnsOnly() {
    ListenerSpec weighted =
        SpecBuilders.listener(base.listeners().get(0))
            .defaultActions(
                new Action.Forward(
                    List.of(
                        new Action.WeightedTargetGroup(TargetGroupRef.managed(TG80), 80),
                        new Action.WeightedTargetGroup(TargetGroupRef.external("arn:other"), 20)),
                    null))
            .build();
    DesiredStack desired = dev.lbr.plan.StackFixtures.withListeners(base, weighted);
    ActualStack actual = actualOf(base);

    applier.apply(plan(desired, actual), actual, recorder);

    assertThat(elb.calls).containsExactly("ModifyListener " + listenerArn(lb, 80));
    assertThat(elb.listenerSpecs.get(0).defaultActions())
        .containsExactly(
            new Action.Forward(
                List.of(
                    new Action.WeightedTargetGroup(
                        TargetGroupRef.external(tgArn(base.targetGroups().get(0))), 80),
                    new Action.WeightedTargetGroup(TargetGroupRef.external("arn:other"), 20)),
                null));
  }

  @Test
  void aReplacedTargetGroupIsDeletedOnlyAfterTheListenerMovedToItsReplacement() {
    DesiredStack desired =
        withTargetGroups(
            base,
            SpecBuilders.tg(base.targetGroups().get(0)).protocol("UDP").name("k8s-udp").build());
    ActualStack actual = actualOf(base);
    String oldArn = tgArn(base.targetGroups().get(0));

    ApplyResult result = applier.apply(plan(desired, actual), actual, recorder);

    assertThat(elb.calls)
        .containsExactly(
            "CreateTargetGroup arn:new:targetgroup:1",
            "ModifyTargetGroupAttributes arn:new:targetgroup:1",
            "ModifyListener " + listenerArn(lb, 80),
            "RegisterTargets arn:new:targetgroup:1 2",
            "DeleteTargetGroup " + oldArn);
    assertThat(elb.listenerSpecs.get(0).defaultActions())
        .containsExactly(Action.Forward.to(TargetGroupRef.external("arn:new:targetgroup:1")));
    assertThat(result.resources()).containsEntry(TG80, "arn:new:targetgroup:1");
  }

  @Test
  void aReplacedLoadBalancerTakesItsListenersWithIt() {
    LoadBalancerSpec internal = SpecBuilders.lb(lb).scheme("internal").name("k8s-internal").build();
    ActualStack actual = actualOf(base);

    ApplyResult result = applier.apply(plan(withLb(base, internal), actual), actual, recorder);

    assertThat(elb.calls)
        .containsExactly(
            "DeleteLoadBalancer " + lbArn(lb),
            "CreateLoadBalancer arn:new:loadbalancer:1",
            "ModifyLoadBalancerAttributes arn:new:loadbalancer:1",
            "CreateListener arn:new:listener:2 on arn:new:loadbalancer:1");
    assertThat(result.resources())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "LoadBalancer",
                "arn:new:loadbalancer:1",
                "listener/80",
                "arn:new:listener:2",
                TG80,
                tgArn(base.targetGroups().get(0))));
  }

  @Test
  void deletingTheStackLeavesNoResources() {
    ActualStack actual = actualOf(base);

    ApplyResult result =
        applier.apply(plan(DesiredStack.empty(base.id()), actual), actual, recorder);

    assertThat(result).isEqualTo(new ApplyResult(Map.of(), 2));
  }

  @Test
  void anUpdateTagsChangeIsTwoCalls() {
    Ref ref = Ref.existing(lbArn(lb), "LoadBalancer");
    Plan plan =
        new Plan(
            base.id(), List.of(new Change.UpdateTags(ref, Map.of("team", "edge"), Set.of("old"))));

    ApplyResult result = applier.apply(plan, actualOf(base), recorder);

    assertThat(elb.calls)
        .containsExactly(
            "AddTags " + lbArn(lb) + " {team=edge}", "RemoveTags " + lbArn(lb) + " [old]");
    assertThat(result.calls()).isEqualTo(2);
    assertThat(recorder.events).containsExactly("beforeFirstMutation", "UpdateTags " + lbArn(lb));
  }

  @Test
  void theListenerHearsBeforeTheFirstMutationOnceThenEachChange() {
    ActualStack nothing = ActualStack.empty(base.id());

    applier.apply(plan(base, nothing), nothing, recorder);

    assertThat(recorder.events)
        .containsExactly(
            "beforeFirstMutation",
            "CreateTargetGroup arn:new:targetgroup:1",
            "ModifyTargetGroupAttributes arn:new:targetgroup:1",
            "CreateLoadBalancer arn:new:loadbalancer:2",
            "ModifyLoadBalancerAttributes arn:new:loadbalancer:2",
            "CreateListener arn:new:listener:3",
            "RegisterTargets arn:new:targetgroup:1");
  }

  @Test
  void anEmptyPlanMakesNoCallsAndDoesNotMarkAnything() {
    ActualStack actual = actualOf(base);

    ApplyResult result = applier.apply(plan(base, actual), actual, recorder);

    assertThat(recorder.events).isEmpty();
    assertThat(elb.calls).isEmpty();
    assertThat(result)
        .isEqualTo(
            new ApplyResult(
                Map.of(
                    "LoadBalancer",
                    lbArn(lb),
                    TG80,
                    tgArn(base.targetGroups().get(0)),
                    "listener/80",
                    listenerArn(lb, 80)),
                0));
  }

  @Test
  void aFailureMidPlanPropagatesAfterTheAppliedChangesWereReported() {
    elb.failOnCall(3);
    ActualStack nothing = ActualStack.empty(base.id());

    assertThatThrownBy(() -> applier.apply(plan(base, nothing), nothing, recorder))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CreateLoadBalancer");

    assertThat(recorder.events)
        .containsExactly(
            "beforeFirstMutation",
            "CreateTargetGroup arn:new:targetgroup:1",
            "ModifyTargetGroupAttributes arn:new:targetgroup:1");
  }

  @Test
  void aPendingRefThatWasNeverCreatedIsAnError() {
    Plan plan =
        new Plan(
            base.id(),
            List.of(
                new Change.RegisterTargets(
                    Ref.pending(TG80), List.of(new dev.lbr.model.Target("10.0.0.1", 80)))));

    assertThatThrownBy(() -> applier.apply(plan, actualOf(base), recorder))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(TG80);
    assertThat(elb.calls).isEmpty();
  }

  @Test
  void eachMutatingCallLogsItsStackChangeOperationResourceAndArn() {
    Map<String, String> fields =
        PlanApplier.callFields(
            base.id(),
            new Change.DeleteTargetGroup(Ref.existing("arn:tg", TG80)),
            "DeleteTargetGroup",
            TG80,
            "arn:tg");

    assertThat(fields)
        .containsExactly(
            Map.entry("stack", "service/default/echo"),
            Map.entry("change", "DeleteTargetGroup"),
            Map.entry("operation", "DeleteTargetGroup"),
            Map.entry("resource", TG80),
            Map.entry("arn", "arn:tg"));
  }
}
