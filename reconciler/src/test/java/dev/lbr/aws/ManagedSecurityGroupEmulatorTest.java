package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.Action;
import dev.lbr.model.ActualSecurityGroup;
import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.SecurityGroupInfo;
import dev.lbr.model.SecurityGroupRule;
import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.model.Tags;
import dev.lbr.model.TargetGroupRef;
import dev.lbr.plan.Change;
import dev.lbr.plan.Plan;
import dev.lbr.plan.Planner;
import dev.lbr.plan.Ref;
import dev.lbr.testing.EmulatedAccount;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An ALB stack with its managed security group, planned and applied against the emulator. */
class ManagedSecurityGroupEmulatorTest {
  private static final String TG = "game/game-2048-service-2048:80";
  private static final String CLUSTER = EmulatedAccount.CLUSTER;

  private EmulatedAccount account;
  private SdkEc2Gateway ec2;
  private ActualStateReader reader;
  private PlanApplier applier;
  private String userGroup;

  @BeforeEach
  void setUp() {
    account = EmulatedAccount.fresh();
    // LBC's wait: on AWS a deleted ALB releases its group after a while; moto releases it at once.
    ec2 = new SdkEc2Gateway(account.clients.ec2(), SdkEc2Gateway.DeletionWait.DEFAULT);
    reader = new ActualStateReader(account.elb, ec2);
    applier = new PlanApplier(account.elb, ec2);
    userGroup = ec2.createSecurityGroup(group("user-group", Map.of()));
  }

  @AfterEach
  void tearDown() {
    account.close();
  }

  private SecurityGroupSpec group(String name, Map<String, String> tags) {
    return new SecurityGroupSpec(
        name,
        SecurityGroupSpec.DESCRIPTION,
        account.world.vpcId(),
        List.of(SecurityGroupRule.tcp(80, "0.0.0.0/0"), SecurityGroupRule.tcp(80, "::/0")),
        tags);
  }

  private DesiredStack desired() {
    String vpc = account.world.vpcId();
    return new DesiredStack(
        Specs.GAME,
        Optional.of(
            Specs.alb(
                "k8s-game-game2048-0123456789",
                account.world.publicSubnetIds(),
                List.of(userGroup),
                Specs.tags(Specs.GAME, Tags.LOAD_BALANCER_RESOURCE))),
        List.of(
            Specs.httpTargetGroup(TG, "k8s-game-svc-0123456789", vpc, Specs.tags(Specs.GAME, TG))),
        List.of(
            new ListenerSpec(
                80,
                "HTTP",
                null,
                null,
                null,
                List.of(Action.Forward.to(TargetGroupRef.managed(TG))),
                null,
                Map.of())),
        Map.of(),
        Optional.of(
            group(
                "k8s-game-game2048-0123456789",
                Specs.tags(Specs.GAME, SecurityGroupSpec.RESOURCE_ID))));
  }

  private ApplyResult reconcile(DesiredStack desired) {
    ActualStack actual = reader.read(Specs.GAME, CLUSTER, Map.of(), true);
    Plan plan = new Planner().plan(desired, actual, Map.of());
    return applier.apply(plan, actual, ApplyListener.none());
  }

  private Plan replan(DesiredStack desired) {
    return new Planner().plan(desired, reader.read(Specs.GAME, CLUSTER, Map.of(), true), Map.of());
  }

  @Test
  void anAlbIsCreatedWithItsManagedGroupFirstThenReplansNothingThenIsDeletedBeforeTheGroup() {
    ApplyResult created = reconcile(desired());
    String lbArn = created.resources().get(Tags.LOAD_BALANCER_RESOURCE);
    String managed = created.resources().get(SecurityGroupSpec.RESOURCE_ID);

    assertThat(account.elb.loadBalancer(lbArn).orElseThrow().securityGroupIds())
        .containsExactly(managed, userGroup);
    ActualSecurityGroup sg =
        reader.read(Specs.GAME, CLUSTER, Map.of(), false).securityGroup().orElseThrow();
    assertThat(sg.groupId()).isEqualTo(managed);
    assertThat(sg.ingress())
        .containsExactlyInAnyOrder(
            SecurityGroupRule.tcp(80, "0.0.0.0/0"), SecurityGroupRule.tcp(80, "::/0"));
    assertThat(replan(desired()).changes()).isEmpty();

    Plan deletion = replan(DesiredStack.empty(Specs.GAME));
    assertThat(deletion.changes().getFirst()).isInstanceOf(Change.DeleteLoadBalancer.class);
    assertThat(deletion.changes().getLast())
        .isEqualTo(
            new Change.DeleteSecurityGroup(Ref.existing(managed, SecurityGroupSpec.RESOURCE_ID)));
    ApplyResult deleted = reconcile(DesiredStack.empty(Specs.GAME));

    assertThat(deleted.resources()).isEmpty();
    assertThat(account.elb.loadBalancer(lbArn)).isEmpty();
    assertThat(ec2.securityGroups(account.world.vpcId()))
        .extracting(SecurityGroupInfo::groupId)
        .doesNotContain(managed)
        .contains(userGroup);
  }

  @Test
  void ruleChangesAreAppliedAndTheNextPlanIsEmpty() {
    reconcile(desired());
    DesiredStack desired = desired();
    SecurityGroupSpec spec = desired.securityGroup().orElseThrow();
    SecurityGroupSpec narrowed =
        new SecurityGroupSpec(
            spec.name(),
            spec.description(),
            spec.vpcId(),
            List.of(SecurityGroupRule.tcp(80, "10.0.0.0/8"), SecurityGroupRule.tcp(80, "::/0")),
            spec.tags());
    DesiredStack changed =
        new DesiredStack(
            desired.id(),
            desired.loadBalancer(),
            desired.targetGroups(),
            desired.listeners(),
            desired.targets(),
            Optional.of(narrowed));

    reconcile(changed);

    assertThat(
            reader
                .read(Specs.GAME, CLUSTER, Map.of(), false)
                .securityGroup()
                .orElseThrow()
                .ingress())
        .containsExactlyInAnyOrder(
            SecurityGroupRule.tcp(80, "10.0.0.0/8"), SecurityGroupRule.tcp(80, "::/0"));
    assertThat(replan(changed).changes()).isEmpty();
  }

  @Test
  void switchingToTheUsersGroupsAloneDetachesAndDeletesTheManagedGroup() {
    ApplyResult created = reconcile(desired());
    String lbArn = created.resources().get(Tags.LOAD_BALANCER_RESOURCE);
    String managed = created.resources().get(SecurityGroupSpec.RESOURCE_ID);
    DesiredStack d = desired();
    DesiredStack userOnly =
        new DesiredStack(
            d.id(),
            d.loadBalancer(),
            d.targetGroups(),
            d.listeners(),
            d.targets(),
            Optional.empty());

    reconcile(userOnly);

    assertThat(account.elb.loadBalancer(lbArn).orElseThrow().securityGroupIds())
        .containsExactly(userGroup);
    assertThat(ec2.securityGroups(account.world.vpcId()))
        .extracting(SecurityGroupInfo::groupId)
        .doesNotContain(managed);
    assertThat(replan(userOnly).changes()).isEmpty();
  }

  @Test
  void anUntaggedGroupOrAnotherClustersGroupIsNeverReadNorDeleted() {
    Map<String, String> otherCluster =
        Specs.tags("other-cluster", Specs.GAME, SecurityGroupSpec.RESOURCE_ID);
    String foreign = ec2.createSecurityGroup(group("k8s-game-foreign", otherCluster));
    Map<String, String> noCluster =
        new HashMap<>(Specs.tags(Specs.GAME, SecurityGroupSpec.RESOURCE_ID));
    noCluster.remove(Tags.CLUSTER);
    String clusterless = ec2.createSecurityGroup(group("k8s-game-clusterless", noCluster));

    assertThat(reader.read(Specs.GAME, CLUSTER, Map.of(), false).securityGroup()).isEmpty();
    reconcile(desired());
    reconcile(DesiredStack.empty(Specs.GAME));

    assertThat(ec2.securityGroups(account.world.vpcId()))
        .extracting(SecurityGroupInfo::groupId)
        .contains(foreign, clusterless, userGroup);
    assertThat(ec2.securityGroupsTagged(Specs.tags(Specs.GAME, SecurityGroupSpec.RESOURCE_ID)))
        .isEmpty();
  }

  @Test
  void aGroupLeftBehindKeepsItsStackInTheInventory() {
    String orphan =
        ec2.createSecurityGroup(
            group("k8s-game-orphan", Specs.tags(Specs.GAME, SecurityGroupSpec.RESOURCE_ID)));

    ClusterInventory.Inventory inventory =
        new ClusterInventory(account.elb, ec2).read(CLUSTER, false);

    assertThat(inventory.stack(Specs.GAME).orElseThrow().securityGroups())
        .extracting(ActualSecurityGroup::groupId)
        .containsExactly(orphan);
  }
}
