package dev.lbr.plan;

import static dev.lbr.plan.SpecBuilders.tg;
import static dev.lbr.plan.StackFixtures.TG443;
import static dev.lbr.plan.StackFixtures.TG80;
import static dev.lbr.plan.StackFixtures.actualOf;
import static dev.lbr.plan.StackFixtures.base;
import static dev.lbr.plan.StackFixtures.listener;
import static dev.lbr.plan.StackFixtures.mapTargetGroups;
import static dev.lbr.plan.StackFixtures.minus;
import static dev.lbr.plan.StackFixtures.plus;
import static dev.lbr.plan.StackFixtures.pods;
import static dev.lbr.plan.StackFixtures.tgArn;
import static dev.lbr.plan.StackFixtures.withListeners;
import static dev.lbr.plan.StackFixtures.withTags;
import static dev.lbr.plan.StackFixtures.withTargetGroups;
import static dev.lbr.plan.StackFixtures.withTargets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.ActualStack;
import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.HealthCheck;
import dev.lbr.model.TargetGroupSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TargetGroupPlanTest {
  private final Planner planner = new Planner();
  private final DesiredStack base = base();
  private final TargetGroupSpec tg80 = base.targetGroups().get(0);
  private final Ref existing80 = Ref.existing(tgArn(tg80), TG80);

  @Test
  void aMissingTargetGroupIsCreatedThenGivenItsAttributes() {
    TargetGroupSpec tg443 = StackFixtures.tg(TG443, 8443);
    DesiredStack desired =
        withTargets(
            withListeners(
                withTargetGroups(base, tg80, tg443),
                listener(80, "TCP", TG80),
                listener(443, "TCP", TG443)),
            Map.of(TG80, pods(2), TG443, pods(1)));

    List<Change> changes = planner.plan(desired, actualOf(base), Map.of()).changes();

    assertThat(changes)
        .containsExactly(
            new Change.CreateTargetGroup(tg443),
            new Change.ModifyTargetGroupAttributes(Ref.pending(TG443), tg443.attributes()),
            new Change.CreateListener(
                Ref.existing(StackFixtures.lbArn(base.loadBalancer().get()), "LoadBalancer"),
                listener(443, "TCP", TG443)),
            new Change.RegisterTargets(Ref.pending(TG443), List.copyOf(pods(1))));
  }

  static Stream<Arguments> inPlaceChanges() {
    TargetGroupSpec tg80 = base().targetGroups().get(0);
    Ref ref = Ref.existing(tgArn(tg80), TG80);
    HealthCheck http = new HealthCheck("HTTP", "10254", "/healthz", 10, 6, 2, 2, "200-399");
    return Stream.of(
        Arguments.of(
            "a changed health check",
            tg(tg80).healthCheck(http).build(),
            List.of(new Change.ModifyTargetGroupHealthCheck(ref, http))),
        Arguments.of(
            "a changed health check interval",
            tg(tg80)
                .healthCheck(new HealthCheck("TCP", "traffic-port", null, 30, 10, 3, 3, null))
                .build(),
            List.of(
                new Change.ModifyTargetGroupHealthCheck(
                    ref, new HealthCheck("TCP", "traffic-port", null, 30, 10, 3, 3, null)))),
        Arguments.of(
            "a new name alone (LBC never renames or replaces for it)",
            tg(tg80).name("k8s-default-echo-renamed").build(),
            List.of()),
        Arguments.of(
            "a changed attribute, only that key sent",
            tg(tg80)
                .attributes(
                    Map.of(
                        "preserve_client_ip.enabled",
                        "false",
                        "deregistration_delay.timeout_seconds",
                        "300"))
                .build(),
            List.of(
                new Change.ModifyTargetGroupAttributes(
                    ref, Map.of("preserve_client_ip.enabled", "false")))),
        Arguments.of(
            "an added tag",
            tg(tg80).tags(plus(tg80.tags(), "team", "edge")).build(),
            List.of(new Change.UpdateTags(ref, Map.of("team", "edge"), Set.of()))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inPlaceChanges")
  void aMatchedTargetGroupIsModifiedInPlace(
      String name, TargetGroupSpec changed, List<Change> expected) {
    DesiredStack desired = withTargetGroups(base, changed);
    assertThat(planner.plan(desired, actualOf(base), Map.of()).changes())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void tagsNotDesiredAreRemovedButAwsAndLegacyTagsStay() {
    ActualStack actual =
        mapTargetGroups(
            actualOf(base),
            t ->
                withTags(
                    t,
                    plus(
                        plus(plus(t.tags(), "team", "edge"), "aws:created-by", "x"),
                        "kubernetes.io/service-name",
                        "echo")));
    DesiredStack desired =
        withTargetGroups(base, tg(tg80).tags(plus(tg80.tags(), "env", "prod")).build());

    assertThat(planner.plan(desired, actual, Map.of()).changes())
        .containsExactly(new Change.UpdateTags(existing80, Map.of("env", "prod"), Set.of("team")));
  }

  @Test
  void aChangedTagValueIsOverwritten() {
    ActualStack actual =
        mapTargetGroups(actualOf(base), t -> withTags(t, plus(t.tags(), "team", "core")));
    DesiredStack desired =
        withTargetGroups(base, tg(tg80).tags(plus(tg80.tags(), "team", "edge")).build());

    assertThat(planner.plan(desired, actual, Map.of()).changes())
        .containsExactly(new Change.UpdateTags(existing80, Map.of("team", "edge"), Set.of()));
  }

  @Test
  void tagsAttributesAndHealthCheckComeInLbcOrder() {
    HealthCheck hc = new HealthCheck("TCP", "traffic-port", null, 30, 10, 3, 3, null);
    DesiredStack desired =
        withTargetGroups(
            base,
            tg(tg80)
                .healthCheck(hc)
                .attributes(Map.of("preserve_client_ip.enabled", "false"))
                .tags(minus(tg80.tags(), "elbv2.k8s.aws/cluster"))
                .build());

    assertThat(planner.plan(desired, actualOf(base), Map.of()).changes())
        .extracting(c -> c.getClass().getSimpleName())
        .containsExactly(
            "UpdateTags", "ModifyTargetGroupHealthCheck", "ModifyTargetGroupAttributes");
  }

  static Stream<Arguments> immutableFields() {
    TargetGroupSpec tg80 = base().targetGroups().get(0);
    return Stream.<Arguments>of(
        Arguments.of(
            "protocol", (UnaryOperator<TargetGroupSpec>) t -> tg(t).protocol("UDP").build()),
        Arguments.of(
            "target type",
            (UnaryOperator<TargetGroupSpec>) t -> tg(t).targetType("instance").build()),
        Arguments.of("port", (UnaryOperator<TargetGroupSpec>) t -> tg(t).port(30080).build()),
        Arguments.of(
            "ip address type",
            (UnaryOperator<TargetGroupSpec>) t -> tg(t).ipAddressType("ipv6").build()),
        Arguments.of("vpc", (UnaryOperator<TargetGroupSpec>) t -> tg(t).vpcId("vpc-2").build()),
        Arguments.of(
            "protocol version",
            (UnaryOperator<TargetGroupSpec>) t -> tg(t).protocolVersion("HTTP2").build()));
  }

  @ParameterizedTest(name = "a changed {0}")
  @MethodSource("immutableFields")
  void aTargetGroupWhoseImmutableFieldsChangedIsReplacedCreateBeforeDelete(
      String field, UnaryOperator<TargetGroupSpec> change) {
    TargetGroupSpec replacement = tg(change.apply(tg80)).name("k8s-default-echo-new").build();
    DesiredStack desired = withTargetGroups(base, replacement);

    List<Change> changes = planner.plan(desired, actualOf(base), Map.of()).changes();

    Ref pending = Ref.pending(TG80);
    assertThat(changes)
        .containsExactly(
            new Change.CreateTargetGroup(replacement),
            new Change.ModifyTargetGroupAttributes(pending, replacement.attributes()),
            new Change.ModifyListener(
                Ref.existing(
                    StackFixtures.listenerArn(base.loadBalancer().get(), 80), "listener/80"),
                base.listeners().get(0)),
            new Change.RegisterTargets(pending, List.copyOf(new java.util.TreeSet<>(pods(2)))),
            new Change.DeleteTargetGroup(existing80));
  }

  @Test
  void aTargetGroupNoLongerDesiredIsDeletedAfterTheListenerStopsUsingIt() {
    TargetGroupSpec tg443 = StackFixtures.tg(TG443, 8443);
    DesiredStack before =
        withTargets(
            withListeners(
                withTargetGroups(base, tg80, tg443),
                listener(80, "TCP", TG80),
                listener(443, "TCP", TG443)),
            Map.of(TG80, pods(2), TG443, pods(2)));

    List<Change> changes = planner.plan(base, actualOf(before), Map.of()).changes();

    assertThat(changes)
        .containsExactly(
            new Change.DeleteListener(
                Ref.existing(
                    StackFixtures.listenerArn(base.loadBalancer().get(), 443), "listener/443"),
                443),
            new Change.DeleteTargetGroup(Ref.existing(tgArn(tg443), TG443)));
  }

  @Test
  void aDuplicateTargetGroupWithTheSameResourceIdIsDeletedAndTheFirstKept() {
    ActualStack actual = actualOf(base);
    ActualTargetGroup original = actual.targetGroups().get(0);
    ActualTargetGroup duplicate =
        new ActualTargetGroup(
            original.arn() + "-dup",
            original.name(),
            original.targetType(),
            original.protocol(),
            original.protocolVersion(),
            original.port(),
            original.ipAddressType(),
            original.vpcId(),
            original.healthCheck(),
            original.attributes(),
            original.tags());
    List<ActualTargetGroup> tgs = new ArrayList<>(List.of(duplicate, original));
    actual =
        new ActualStack(
            actual.id(), actual.loadBalancer(), actual.listeners(), tgs, actual.targets());

    assertThat(planner.plan(base, actual, Map.of()).changes())
        .containsExactly(new Change.DeleteTargetGroup(Ref.existing(duplicate.arn(), TG80)));
  }

  @Test
  void aTargetGroupWithoutAResourceTagIsLeftAlone() {
    ActualStack actual =
        mapTargetGroups(
            actualOf(base), t -> withTags(t, minus(t.tags(), base.id().resourceTagKey())));

    List<Change> changes = planner.plan(base, actual, Map.of()).changes();

    assertThat(changes).noneMatch(c -> c instanceof Change.DeleteTargetGroup);
    assertThat(changes.get(0)).isEqualTo(new Change.CreateTargetGroup(tg80));
  }
}
