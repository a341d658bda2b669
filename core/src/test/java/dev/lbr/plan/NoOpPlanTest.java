package dev.lbr.plan;

import static dev.lbr.plan.SpecBuilders.lb;
import static dev.lbr.plan.SpecBuilders.listener;
import static dev.lbr.plan.SpecBuilders.tg;
import static dev.lbr.plan.StackFixtures.TG80;
import static dev.lbr.plan.StackFixtures.actualOf;
import static dev.lbr.plan.StackFixtures.base;
import static dev.lbr.plan.StackFixtures.mapLoadBalancer;
import static dev.lbr.plan.StackFixtures.mapTargetGroups;
import static dev.lbr.plan.StackFixtures.plus;
import static dev.lbr.plan.StackFixtures.withLb;
import static dev.lbr.plan.StackFixtures.withListeners;
import static dev.lbr.plan.StackFixtures.withTags;
import static dev.lbr.plan.StackFixtures.withTargetGroups;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.Action;
import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.HealthCheck;
import dev.lbr.model.TargetGroupRef;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Semantically equal stacks plan nothing: every normalisation rule, one row each. */
class NoOpPlanTest {
  private final Planner planner = new Planner();

  static Stream<Arguments> equalStacks() {
    DesiredStack base = base();
    DesiredStack tls = withListeners(base, tls("cert-a", "cert-b", "cert-c"));
    return Stream.of(
        row("an unchanged stack", base, actualOf(base)),
        row(
            "protocols in another case",
            withListeners(
                withTargetGroups(base, tg(base.targetGroups().get(0)).protocol("tcp").build()),
                listener(base.listeners().get(0)).protocol("tcp").build()),
            actualOf(base)),
        row(
            "a path and matcher on a TCP health check",
            withTargetGroups(
                base,
                tg(base.targetGroups().get(0))
                    .healthCheck(new HealthCheck("tcp", null, "/", 10, 10, 3, 3, "200-399"))
                    .build()),
            actualOf(base)),
        row(
            "subnets in another order",
            withLb(base, lb(base.loadBalancer().get()).subnetIds("subnet-b", "subnet-a").build()),
            actualOf(base)),
        row(
            "attributes AWS returns that we do not set",
            withTargetGroups(base, tg(base.targetGroups().get(0)).attributes(Map.of()).build()),
            actualOf(base)),
        row(
            "tags AWS reserves and legacy tags of the v1 controller",
            base,
            mapLoadBalancer(
                mapTargetGroups(
                    actualOf(base),
                    t ->
                        withTags(
                            t,
                            plus(
                                plus(t.tags(), "aws:cloudformation:stack-id", "x"),
                                "kubernetes.io/cluster/demo",
                                "owned"))),
                l -> withTags(l, plus(l.tags(), "ingress.k8s.aws/cluster", "demo")))),
        row(
            "extra certificates in another order",
            withListeners(base, tls("cert-a", "cert-b", "cert-c", "cert-d")),
            actualOf(withListeners(base, tls("cert-a", "cert-c", "cert-d", "cert-b")))),
        row(
            "unset ssl and ALPN policies on a TLS listener",
            withListeners(
                base, listener(tls.listeners().get(0)).sslPolicy(null).alpnPolicy(null).build()),
            actualOf(
                withListeners(
                    base, listener(tls.listeners().get(0)).alpnPolicy("HTTP2Preferred").build()))),
        row(
            "an ALPN policy of None against none set",
            withListeners(base, listener(tls.listeners().get(0)).alpnPolicy("None").build()),
            actualOf(tls)),
        row(
            "unset ip address type, vpc and protocol version",
            withLb(
                withTargetGroups(
                    base, tg(base.targetGroups().get(0)).ipAddressType(null).vpcId(null).build()),
                lb(base.loadBalancer().get()).ipAddressType(null).build()),
            actualOf(base)),
        row(
            "an empty message body against none",
            withListeners(base, fixed(null)),
            actualOf(withListeners(base, fixed("")))),
        row(
            "a redirect spelling out AWS's defaults",
            withListeners(
                base, redirect(new Action.Redirect("HTTPS", "443", null, null, null, "HTTP_301"))),
            actualOf(
                withListeners(
                    base,
                    redirect(
                        new Action.Redirect(
                            "HTTPS", "443", "#{host}", "/#{path}", "#{query}", "HTTP_301"))))),
        row(
            "weighted forwards in another order",
            withListeners(base, weighted(TG80, "arn:external")),
            actualOf(withListeners(base, weighted("arn:external", TG80)))),
        row(
            "nothing desired and nothing there",
            DesiredStack.empty(base.id()),
            ActualStack.empty(base.id())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("equalStacks")
  void semanticallyEqualStacksPlanNothing(String name, DesiredStack desired, ActualStack actual) {
    assertThat(planner.plan(desired, actual, Map.of()).changes()).isEmpty();
  }

  @Test
  void theSameInputsGiveTheSamePlan() {
    DesiredStack desired = base();
    ActualStack actual = ActualStack.empty(desired.id());
    assertThat(planner.plan(desired, actual, Map.of()))
        .isEqualTo(planner.plan(desired, actual, Map.of()));
  }

  private static Arguments row(String name, DesiredStack desired, ActualStack actual) {
    return Arguments.of(name, desired, actual);
  }

  private static dev.lbr.model.ListenerSpec tls(String... certificates) {
    return listener(base().listeners().get(0))
        .protocol("TLS")
        .certificates(certificates)
        .sslPolicy("ELBSecurityPolicy-2016-08")
        .build();
  }

  private static dev.lbr.model.ListenerSpec fixed(String body) {
    return listener(base().listeners().get(0))
        .defaultActions(new Action.FixedResponse("404", "text/plain", body))
        .build();
  }

  private static dev.lbr.model.ListenerSpec redirect(Action.Redirect redirect) {
    return listener(base().listeners().get(0)).defaultActions(redirect).build();
  }

  private static dev.lbr.model.ListenerSpec weighted(String first, String second) {
    return listener(base().listeners().get(0))
        .defaultActions(
            new Action.Forward(
                List.of(
                    new Action.WeightedTargetGroup(ref(first), 50),
                    new Action.WeightedTargetGroup(ref(second), 50)),
                null))
        .build();
  }

  private static TargetGroupRef ref(String value) {
    return value.startsWith("arn:")
        ? TargetGroupRef.external(value)
        : TargetGroupRef.managed(value);
  }
}
