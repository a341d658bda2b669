package dev.lbr.aws;

import static dev.lbr.plan.SecurityGroupFixtures.SG_ID;
import static dev.lbr.plan.SecurityGroupFixtures.actualOf;
import static dev.lbr.plan.SecurityGroupFixtures.base;
import static dev.lbr.plan.SecurityGroupFixtures.stack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.plan.Change;
import dev.lbr.plan.Plan;
import dev.lbr.plan.Planner;
import dev.lbr.plan.SecurityGroupFixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The applier's EC2 side: the managed security group of an ALB stack. */
class PlanApplierSecurityGroupTest {
  private final RecordingElbGateway elb = new RecordingElbGateway();
  private final RecordingEc2Gateway ec2 = new RecordingEc2Gateway();
  private final PlanApplier applier = new PlanApplier(elb, ec2);
  private final PlanApplierTest.Recorder recorder = new PlanApplierTest.Recorder();
  private final DesiredStack base = base();

  private ApplyResult apply(DesiredStack desired, ActualStack actual) {
    Plan plan = new Planner().plan(desired, actual, Map.of());
    return applier.apply(plan, actual, recorder);
  }

  @Test
  void aNewAlbIsCreatedWithTheGroupCreatedAndOpenedJustBefore() {
    DesiredStack desired = stack(base.securityGroup(), List.of("sg-user"));

    ApplyResult result = apply(desired, ActualStack.empty(base.id()));

    assertThat(recorder.events)
        .startsWith(
            "beforeFirstMutation",
            "CreateSecurityGroup sg-new-1",
            "AuthorizeSecurityGroupIngress sg-new-1",
            "CreateTargetGroup arn:new:targetgroup:1",
            "CreateLoadBalancer arn:new:loadbalancer:2");
    assertThat(ec2.calls)
        .containsExactly(
            "CreateSecurityGroup sg-new-1 k8s-game-game2048-0123456789",
            "AuthorizeSecurityGroupIngress sg-new-1 2");
    assertThat(elb.loadBalancerSpecs.get(0).securityGroupIds())
        .containsExactly("sg-new-1", "sg-user");
    assertThat(result.resources()).containsEntry(SecurityGroupSpec.RESOURCE_ID, "sg-new-1");
  }

  @Test
  void switchingToUserGroupsSetsThemAndDeletesTheManagedGroupLast() {
    ActualStack actual = actualOf(base);
    String lbArn = actual.loadBalancer().orElseThrow().arn();

    ApplyResult result = apply(stack(Optional.empty(), List.of("sg-user")), actual);

    assertThat(recorder.events)
        .containsExactly(
            "beforeFirstMutation", "SetSecurityGroups " + lbArn, "DeleteSecurityGroup " + SG_ID);
    assertThat(elb.calls).containsExactly("SetSecurityGroups " + lbArn + " [sg-user]");
    assertThat(ec2.calls).containsExactly("DeleteSecurityGroup " + SG_ID);
    assertThat(result.resources()).doesNotContainKey(SecurityGroupSpec.RESOURCE_ID);
  }

  @Test
  void aPendingGroupIsResolvedWhenAttachedToAnExistingLoadBalancer() {
    ActualStack actual = actualOf(stack(Optional.empty(), List.of("sg-user")));
    String lbArn = actual.loadBalancer().orElseThrow().arn();

    apply(base, actual);

    assertThat(elb.calls).containsExactly("SetSecurityGroups " + lbArn + " [sg-new-1]");
  }

  @Test
  void deletingTheStackDeletesTheGroupAfterTheLoadBalancer() {
    ActualStack actual = actualOf(base);

    ApplyResult result = apply(DesiredStack.empty(base.id()), actual);

    assertThat(recorder.events.getFirst()).isEqualTo("beforeFirstMutation");
    assertThat(recorder.events.get(1)).startsWith("DeleteLoadBalancer ");
    assertThat(recorder.events.getLast()).isEqualTo("DeleteSecurityGroup " + SG_ID);
    assertThat(result).isEqualTo(new ApplyResult(Map.of(), 3));
  }

  @Test
  void tagDriftIsTwoEc2CallsLoggedUnderTheirOwnNames() {
    Plan plan =
        new Plan(
            base.id(),
            List.of(
                new Change.UpdateSecurityGroupTags(
                    SecurityGroupFixtures.managedRef(), Map.of("team", "edge"), Set.of("old"))));

    ApplyResult result = applier.apply(plan, actualOf(base), recorder);

    assertThat(ec2.calls)
        .containsExactly("CreateTags " + SG_ID + " {team=edge}", "DeleteTags " + SG_ID + " [old]");
    assertThat(result.calls()).isEqualTo(2);
    assertThat(PlanApplier.operation(plan.changes().get(0))).isEqualTo("CreateTags/DeleteTags");
  }

  @Test
  void anUnchangedAlbStackMakesNoCalls() {
    ActualStack actual = actualOf(base);

    ApplyResult result = apply(base, actual);

    assertThat(elb.calls).isEmpty();
    assertThat(ec2.calls).isEmpty();
    assertThat(result.resources()).containsEntry(SecurityGroupSpec.RESOURCE_ID, SG_ID);
  }
}
