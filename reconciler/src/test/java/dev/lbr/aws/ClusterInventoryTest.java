package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.aws.ClusterInventory.Inventory;
import dev.lbr.aws.ClusterInventory.StackResources;
import dev.lbr.model.Action;
import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.RuleCondition;
import dev.lbr.model.RuleSpec;
import dev.lbr.model.Tags;
import dev.lbr.model.Target;
import dev.lbr.model.TargetGroupRef;
import dev.lbr.testing.EmulatedAccount;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClusterInventoryTest {
  private EmulatedAccount account;
  private SdkElbGateway elb;

  @BeforeEach
  void setUp() {
    account = EmulatedAccount.fresh();
    elb = account.elb;
  }

  @AfterEach
  void tearDown() {
    account.close();
  }

  @Test
  void groupsTheClustersResourcesByStackAndLeavesOtherClustersOut() {
    List<String> subnets = account.world.publicSubnetIds();
    String vpc = account.world.vpcId();
    // A Service stack: NLB, listener, target group with two targets.
    String nlb =
        elb.createLoadBalancer(
            Specs.nlb("echo", subnets, Specs.tags(Specs.ECHO, Tags.LOAD_BALANCER_RESOURCE)));
    String echoTg =
        elb.createTargetGroup(
            Specs.tcpTargetGroup(
                "default/echo:80", "echo-tg", vpc, Specs.tags(Specs.ECHO, "default/echo:80")));
    elb.createListener(
        nlb, new ListenerSpec(80, "TCP", null, null, null, List.of(forward(echoTg)), null, null));
    Set<Target> pods = Set.of(new Target("10.0.0.1", 8080), new Target("10.0.0.2", 8080));
    elb.registerTargets(echoTg, List.copyOf(pods));
    // An Ingress stack: ALB, listener with a rule, target group.
    String alb =
        elb.createLoadBalancer(
            Specs.alb(
                "game", subnets, List.of(), Specs.tags(Specs.GAME, Tags.LOAD_BALANCER_RESOURCE)));
    String gameTg =
        elb.createTargetGroup(
            Specs.httpTargetGroup(
                "game/game-2048-svc:80",
                "game-tg",
                vpc,
                Specs.tags(Specs.GAME, "game/game-2048-svc:80")));
    RuleSpec rule =
        new RuleSpec(
            1,
            List.of(new RuleCondition("path-pattern", List.of("/*"), null, null, null)),
            List.of(forward(gameTg)),
            null);
    String listener =
        elb.createListener(
            alb,
            new ListenerSpec(
                80,
                "HTTP",
                null,
                null,
                null,
                List.of(new Action.FixedResponse("404", null, null)),
                List.of(rule),
                null));
    elb.createRule(listener, rule);
    // Another cluster's stack, and one of ours without a stack tag.
    elb.createTargetGroup(
        Specs.tcpTargetGroup(
            "x", "other-tg", vpc, Specs.tags("other", Specs.ECHO, "default/echo:80")));
    String loose =
        elb.createTargetGroup(
            Specs.tcpTargetGroup(
                "y", "loose-tg", vpc, Map.of(Tags.CLUSTER, EmulatedAccount.CLUSTER)));

    Inventory inventory =
        new ClusterInventory(elb, new SdkEc2Gateway(account.clients.ec2()))
            .read(EmulatedAccount.CLUSTER, true);

    assertThat(inventory.stacks())
        .extracting(StackResources::id)
        .containsExactly(Specs.GAME, Specs.ECHO); // sorted by id
    StackResources echo = inventory.stack(Specs.ECHO).orElseThrow();
    assertThat(echo.loadBalancers())
        .singleElement()
        .satisfies(
            lb -> {
              assertThat(lb.loadBalancer().arn()).isEqualTo(nlb);
              assertThat(lb.listeners())
                  .singleElement()
                  .satisfies(l -> assertThat(l.port()).isEqualTo(80));
            });
    assertThat(echo.targetGroups()).extracting(ActualTargetGroup::arn).containsExactly(echoTg);
    assertThat(echo.targets()).containsExactly(Map.entry(echoTg, pods));
    StackResources game = inventory.stack(Specs.GAME).orElseThrow();
    assertThat(game.loadBalancers())
        .singleElement()
        .satisfies(
            lb ->
                assertThat(lb.listeners().get(0).rules())
                    .singleElement()
                    .satisfies(r -> assertThat(r.priority()).isEqualTo(1)));
    assertThat(game.targetGroups()).extracting(ActualTargetGroup::arn).containsExactly(gameTg);
    assertThat(inventory.unstackedLoadBalancers()).isEmpty();
    assertThat(inventory.unstackedTargetGroups())
        .extracting(ActualTargetGroup::arn)
        .containsExactly(loose);
  }

  @Test
  void targetsAreLeftOutUnlessAskedFor() {
    elb.createTargetGroup(
        Specs.tcpTargetGroup(
            "default/echo:80",
            "echo-tg",
            account.world.vpcId(),
            Specs.tags(Specs.ECHO, "default/echo:80")));
    account.calls.reset();

    Inventory inventory =
        new ClusterInventory(elb, new SdkEc2Gateway(account.clients.ec2()))
            .read(EmulatedAccount.CLUSTER, false);

    assertThat(inventory.stack(Specs.ECHO).orElseThrow().targets()).isEmpty();
    assertThat(account.calls.count(CallCounter.ELBV2, "DescribeTargetHealth")).isZero();
  }

  private static Action forward(String arn) {
    return Action.Forward.to(TargetGroupRef.external(arn));
  }
}
