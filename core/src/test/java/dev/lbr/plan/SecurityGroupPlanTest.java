package dev.lbr.plan;

import static dev.lbr.plan.SecurityGroupFixtures.SG_ID;
import static dev.lbr.plan.SecurityGroupFixtures.actualOf;
import static dev.lbr.plan.SecurityGroupFixtures.base;
import static dev.lbr.plan.SecurityGroupFixtures.managedRef;
import static dev.lbr.plan.SecurityGroupFixtures.pendingRef;
import static dev.lbr.plan.SecurityGroupFixtures.securityGroup;
import static dev.lbr.plan.SecurityGroupFixtures.stack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.model.ActualSecurityGroup;
import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.SecurityGroupRule;
import dev.lbr.model.SecurityGroupSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The managed frontend security group: created first, attached, diffed, deleted last. */
class SecurityGroupPlanTest {
  private static final SecurityGroupRule HTTP_V4 = SecurityGroupRule.tcp(80, "0.0.0.0/0");
  private static final SecurityGroupRule HTTP_V6 = SecurityGroupRule.tcp(80, "::/0");
  private static final SecurityGroupRule HTTPS_V4 = SecurityGroupRule.tcp(443, "0.0.0.0/0");

  private final DesiredStack base = base();

  private static List<Change> plan(DesiredStack desired, ActualStack actual) {
    return new Planner().plan(desired, actual, Map.of()).changes();
  }

  private static List<String> kinds(List<Change> changes) {
    return changes.stream().map(c -> c.getClass().getSimpleName()).toList();
  }

  private static DesiredStack withRules(DesiredStack d, SecurityGroupRule... rules) {
    return stack(
        Optional.of(securityGroup(rules)), d.loadBalancer().orElseThrow().securityGroupIds());
  }

  @Test
  void aNewStackCreatesTheGroupAndOpensItBeforeTheLoadBalancerIsCreatedWithIt() {
    List<Change> changes = plan(base, ActualStack.empty(base.id()));

    assertThat(kinds(changes))
        .containsExactly(
            "CreateSecurityGroup",
            "AuthorizeSecurityGroupIngress",
            "CreateTargetGroup",
            "CreateLoadBalancer",
            "ModifyLoadBalancerAttributes",
            "CreateListener",
            "RegisterTargets");
    assertThat(changes.get(0))
        .isEqualTo(new Change.CreateSecurityGroup(base.securityGroup().orElseThrow()));
    assertThat(changes.get(1))
        .isEqualTo(
            new Change.AuthorizeSecurityGroupIngress(pendingRef(), List.of(HTTP_V4, HTTP_V6)));
    assertThat(changes.get(3))
        .isEqualTo(
            new Change.CreateLoadBalancer(
                base.loadBalancer().orElseThrow(), Optional.of(pendingRef())));
  }

  @Test
  void anUnchangedStackPlansNothingWhateverTheOrderAndSpellingAwsReturns() {
    ActualSecurityGroup spelled =
        new ActualSecurityGroup(
            SG_ID,
            "k8s-game-game2048-0123456789",
            "vpc-1",
            List.of(
                new SecurityGroupRule("6", 80, 80, "::/0", null),
                new SecurityGroupRule("TCP", 80, 80, "0.0.0.0/0", null)),
            base.securityGroup().orElseThrow().tags());

    ActualStack actual =
        SecurityGroupFixtures.withSecurityGroup(actualOf(base), Optional.of(spelled));

    assertThat(plan(base, actualOf(base))).isEmpty();
    assertThat(plan(base, actual)).isEmpty();
  }

  @Test
  void aNewInboundRuleIsAuthorizedBeforeARemovedOneIsRevoked() {
    DesiredStack desired = withRules(base, HTTPS_V4, HTTP_V6);

    List<Change> changes = plan(desired, actualOf(base));

    assertThat(changes)
        .containsExactly(
            new Change.AuthorizeSecurityGroupIngress(managedRef(), List.of(HTTPS_V4)),
            new Change.RevokeSecurityGroupIngress(managedRef(), List.of(HTTP_V4)));
  }

  @Test
  void allTrafficRulesCompareWithoutPorts() {
    DesiredStack desired =
        withRules(base, new SecurityGroupRule("-1", 0, 65535, "10.0.0.0/8", null));
    ActualStack actual =
        SecurityGroupFixtures.withSecurityGroup(
            actualOf(base),
            Optional.of(
                actualOf(securityGroup(new SecurityGroupRule("-1", -1, -1, "10.0.0.0/8", null)))));

    assertThat(plan(desired, actual)).isEmpty();
  }

  @Test
  void userSecurityGroupsReplaceTheManagedOneWhichIsDeletedLast() {
    DesiredStack desired = stack(Optional.empty(), List.of("sg-user1", "sg-user2"));

    List<Change> changes = plan(desired, actualOf(base));

    assertThat(changes)
        .containsExactly(
            new Change.SetSecurityGroups(
                LoadBalancerPlanner.ref(actualOf(base).loadBalancer().orElseThrow()),
                List.of(Ref.existing("sg-user1", null), Ref.existing("sg-user2", null))),
            new Change.DeleteSecurityGroup(managedRef()));
  }

  @Test
  void switchingBackFromUserGroupsCreatesTheManagedGroupThenAttachesIt() {
    ActualStack actual = actualOf(stack(Optional.empty(), List.of("sg-user1")));

    List<Change> changes = plan(base, actual);

    assertThat(kinds(changes))
        .containsExactly(
            "CreateSecurityGroup", "AuthorizeSecurityGroupIngress", "SetSecurityGroups");
    assertThat(changes.get(2))
        .isEqualTo(
            new Change.SetSecurityGroups(
                LoadBalancerPlanner.ref(actual.loadBalancer().orElseThrow()),
                List.of(pendingRef())));
  }

  @Test
  void aManagedGroupTakenOffTheLoadBalancerIsAttachedAgain() {
    ActualStack actual = actualOf(base);
    ActualStack detached =
        StackFixtures.mapLoadBalancer(
            actual, lb -> SecurityGroupFixtures.withSecurityGroups(lb, List.of("sg-default")));
    detached = SecurityGroupFixtures.withSecurityGroup(detached, actual.securityGroup());

    assertThat(plan(base, detached))
        .containsExactly(
            new Change.SetSecurityGroups(
                LoadBalancerPlanner.ref(actual.loadBalancer().orElseThrow()),
                List.of(managedRef())));
  }

  @Test
  void deletingTheStackDeletesTheGroupAfterTheLoadBalancerAndTargetGroups() {
    List<Change> changes = plan(DesiredStack.empty(base.id()), actualOf(base));

    assertThat(kinds(changes))
        .containsExactly("DeleteLoadBalancer", "DeleteTargetGroup", "DeleteSecurityGroup");
    assertThat(changes.getLast()).isEqualTo(new Change.DeleteSecurityGroup(managedRef()));
  }

  @Test
  void aReplacedLoadBalancerIsCreatedWithTheExistingGroup() {
    DesiredStack internal =
        StackFixtures.withLb(
            base, SpecBuilders.lb(base.loadBalancer().orElseThrow()).scheme("internal").build());
    internal =
        new DesiredStack(
            internal.id(),
            internal.loadBalancer(),
            internal.targetGroups(),
            internal.listeners(),
            internal.targets(),
            base.securityGroup());

    List<Change> changes = plan(internal, actualOf(base));

    assertThat(changes)
        .contains(
            new Change.CreateLoadBalancer(
                internal.loadBalancer().orElseThrow(), Optional.of(managedRef())));
    assertThat(kinds(changes)).doesNotContain("DeleteSecurityGroup", "CreateSecurityGroup");
  }

  @Test
  void tagDriftOnTheGroupIsCorrected() {
    SecurityGroupSpec spec = base.securityGroup().orElseThrow();
    ActualSecurityGroup drifted =
        new ActualSecurityGroup(
            SG_ID,
            spec.name(),
            spec.vpcId(),
            spec.ingress(),
            StackFixtures.plus(spec.tags(), "team", "old"));

    List<Change> changes =
        plan(base, SecurityGroupFixtures.withSecurityGroup(actualOf(base), Optional.of(drifted)));

    assertThat(changes)
        .containsExactly(
            new Change.UpdateSecurityGroupTags(managedRef(), Map.of(), java.util.Set.of("team")));
  }

  @Test
  void aGroupWithoutThisStacksOwnershipTagsIsNeverPlannedAgainst() {
    SecurityGroupSpec spec = base.securityGroup().orElseThrow();
    ActualSecurityGroup foreign =
        new ActualSecurityGroup(
            SG_ID, spec.name(), spec.vpcId(), spec.ingress(), Map.of("Name", spec.name()));
    ActualStack actual =
        SecurityGroupFixtures.withSecurityGroup(actualOf(base), Optional.of(foreign));

    assertThatThrownBy(() -> plan(DesiredStack.empty(base.id()), actual))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(SG_ID);
  }

  @Test
  void aSpecWithoutOwnershipTagsIsRejectedBeforeItCouldLeakAGroup() {
    SecurityGroupSpec spec = base.securityGroup().orElseThrow();
    SecurityGroupSpec untagged =
        new SecurityGroupSpec(
            spec.name(), spec.description(), spec.vpcId(), spec.ingress(), Map.of());
    DesiredStack desired = stack(Optional.of(untagged), List.of());

    assertThatThrownBy(() -> plan(desired, ActualStack.empty(base.id())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ownership tags");
  }

  @Test
  void describingTheChangesNamesRulesAndGroups() {
    assertThat(new Change.AuthorizeSecurityGroupIngress(managedRef(), List.of(HTTP_V4)).describe())
        .isEqualTo("allow inbound to ManagedLBSecurityGroup: [tcp 80 from 0.0.0.0/0]");
    assertThat(
            new Change.CreateLoadBalancer(
                    base.loadBalancer().orElseThrow(), Optional.of(pendingRef()))
                .describe())
        .endsWith(", security group ManagedLBSecurityGroup)");
  }
}
