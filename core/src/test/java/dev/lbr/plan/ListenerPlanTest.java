package dev.lbr.plan;

import static dev.lbr.plan.SpecBuilders.listener;
import static dev.lbr.plan.StackFixtures.TG443;
import static dev.lbr.plan.StackFixtures.TG80;
import static dev.lbr.plan.StackFixtures.actualOf;
import static dev.lbr.plan.StackFixtures.base;
import static dev.lbr.plan.StackFixtures.lbArn;
import static dev.lbr.plan.StackFixtures.listenerArn;
import static dev.lbr.plan.StackFixtures.withListeners;
import static dev.lbr.plan.StackFixtures.withTargetGroups;
import static dev.lbr.plan.StackFixtures.withTargets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.Action;
import dev.lbr.model.ActualListener;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.TargetGroupRef;
import dev.lbr.model.TargetGroupSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ListenerPlanTest {
  private final Planner planner = new Planner();
  private final DesiredStack base = base();
  private final ListenerSpec tcp80 = base.listeners().get(0);
  private final TargetGroupSpec tg443 = StackFixtures.tg(TG443, 8443);
  private final DesiredStack twoPorts =
      withTargets(
          withListeners(
              withTargetGroups(base, base.targetGroups().get(0), tg443),
              tcp80,
              StackFixtures.listener(443, "TCP", TG443)),
          Map.of(TG80, StackFixtures.pods(2), TG443, StackFixtures.pods(2)));

  private Ref listenerRef(int port) {
    return Ref.existing(listenerArn(base.loadBalancer().get(), port), "listener/" + port);
  }

  @Test
  void anAddedPortCreatesAListenerOnTheExistingLoadBalancer() {
    ListenerSpec tcp443 = StackFixtures.listener(443, "TCP", TG80);
    DesiredStack desired = withListeners(base, tcp80, tcp443);

    assertThat(planner.plan(desired, actualOf(base), Map.of()).changes())
        .containsExactly(
            new Change.CreateListener(
                Ref.existing(lbArn(base.loadBalancer().get()), "LoadBalancer"), tcp443));
  }

  @Test
  void aRemovedPortDeletesItsListener() {
    DesiredStack desired = withListeners(twoPorts, tcp80);

    assertThat(planner.plan(desired, actualOf(twoPorts), Map.of()).changes())
        .containsExactly(new Change.DeleteListener(listenerRef(443), 443));
  }

  @Test
  void listenersAreDeletedThenCreatedThenModified() {
    DesiredStack before = twoPorts;
    ListenerSpec udp80 = listener(tcp80).protocol("UDP").build();
    ListenerSpec tcp8080 = StackFixtures.listener(8080, "TCP", TG443);
    DesiredStack desired = withListeners(twoPorts, udp80, tcp8080);

    assertThat(planner.plan(desired, actualOf(before), Map.of()).changes())
        .containsExactly(
            new Change.DeleteListener(listenerRef(443), 443),
            new Change.CreateListener(
                Ref.existing(lbArn(base.loadBalancer().get()), "LoadBalancer"), tcp8080),
            new Change.ModifyListener(listenerRef(80), udp80));
  }

  static Stream<Arguments> modifications() {
    ListenerSpec tls =
        listener(base().listeners().get(0))
            .protocol("TLS")
            .certificates("cert-a", "cert-b")
            .sslPolicy("ELBSecurityPolicy-2016-08")
            .build();
    return Stream.of(
        Arguments.of(
            "a changed protocol",
            tls,
            (UnaryOperator<ListenerSpec>)
                l -> listener(l).protocol("TCP").certificates().sslPolicy(null).build()),
        Arguments.of(
            "a changed default certificate",
            tls,
            (UnaryOperator<ListenerSpec>)
                l -> listener(l).certificates("cert-b", "cert-a").build()),
        Arguments.of(
            "an added extra certificate",
            tls,
            (UnaryOperator<ListenerSpec>)
                l -> listener(l).certificates("cert-a", "cert-b", "cert-c").build()),
        Arguments.of(
            "a changed ssl policy",
            tls,
            (UnaryOperator<ListenerSpec>)
                l -> listener(l).sslPolicy("ELBSecurityPolicy-TLS13-1-2-2021-06").build()),
        Arguments.of(
            "a set ALPN policy",
            tls,
            (UnaryOperator<ListenerSpec>) l -> listener(l).alpnPolicy("HTTP2Preferred").build()),
        Arguments.of(
            "a forward to another target group",
            base().listeners().get(0),
            (UnaryOperator<ListenerSpec>)
                l ->
                    listener(l)
                        .defaultActions(Action.Forward.to(TargetGroupRef.external("arn:other")))
                        .build()),
        Arguments.of(
            "a fixed response instead of a forward",
            base().listeners().get(0),
            (UnaryOperator<ListenerSpec>)
                l ->
                    listener(l)
                        .defaultActions(new Action.FixedResponse("503", "text/plain", null))
                        .build()),
        Arguments.of(
            "a forward with stickiness",
            base().listeners().get(0),
            (UnaryOperator<ListenerSpec>)
                l ->
                    listener(l)
                        .defaultActions(
                            new Action.Forward(
                                List.of(
                                    new Action.WeightedTargetGroup(
                                        TargetGroupRef.managed(TG80), null)),
                                60))
                        .build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modifications")
  void aDriftedListenerIsModified(
      String name, ListenerSpec before, UnaryOperator<ListenerSpec> change) {
    ListenerSpec after = change.apply(before);

    assertThat(
            planner
                .plan(withListeners(base, after), actualOf(withListeners(base, before)), Map.of())
                .changes())
        .containsExactly(new Change.ModifyListener(listenerRef(80), after));
  }

  @Test
  void aForwardByArnToTheKeptTargetGroupIsUnchanged() {
    String arn = StackFixtures.tgArn(base.targetGroups().get(0));
    ListenerSpec byArn =
        listener(tcp80).defaultActions(Action.Forward.to(TargetGroupRef.external(arn))).build();

    assertThat(planner.plan(withListeners(base, byArn), actualOf(base), Map.of()).changes())
        .isEmpty();
  }

  @Test
  void theRulePlannerIsAskedAboutEveryListenerInPortOrderAfterListenerChanges() {
    List<String> asked = new ArrayList<>();
    Change marker = new Change.DeleteListener(Ref.pending("rule-marker"), 0);
    RulePlanner rules =
        (desired, actual, ref, actions) -> {
          asked.add(
              desired.port()
                  + ":"
                  + ref
                  + ":"
                  + actual.map(ActualListener::port).map(String::valueOf).orElse("new"));
          return new PlannedChanges().follows(marker);
        };
    DesiredStack desired =
        withTargets(
            withListeners(twoPorts, tcp80, StackFixtures.listener(8443, "TCP", TG443)),
            Map.of(TG80, StackFixtures.pods(2), TG443, StackFixtures.pods(3)));

    List<Change> changes =
        new Planner(rules)
            .plan(desired, actualOf(withListeners(twoPorts, tcp80)), Map.of())
            .changes();

    assertThat(asked).containsExactly("80:listener/80:80", "8443:listener/8443:new");
    int lastListenerChange =
        changes.indexOf(
            new Change.CreateListener(
                Ref.existing(lbArn(base.loadBalancer().get()), "LoadBalancer"),
                StackFixtures.listener(8443, "TCP", TG443)));
    assertThat(changes.indexOf(marker)).isGreaterThan(lastListenerChange);
    assertThat(changes.get(changes.size() - 1)).isInstanceOf(Change.RegisterTargets.class);
  }

  @Test
  void listenersWithoutALoadBalancerAreRejected() {
    DesiredStack broken =
        new DesiredStack(
            base.id(), Optional.empty(), base.targetGroups(), base.listeners(), base.targets());

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> planner.plan(broken, actualOf(base), Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
