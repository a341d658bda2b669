package dev.lbr.plan;

import static dev.lbr.plan.SpecBuilders.lb;
import static dev.lbr.plan.StackFixtures.TG80;
import static dev.lbr.plan.StackFixtures.actualOf;
import static dev.lbr.plan.StackFixtures.base;
import static dev.lbr.plan.StackFixtures.lbArn;
import static dev.lbr.plan.StackFixtures.mapLoadBalancer;
import static dev.lbr.plan.StackFixtures.plus;
import static dev.lbr.plan.StackFixtures.withAttributes;
import static dev.lbr.plan.StackFixtures.withLb;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.LoadBalancerType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoadBalancerPlanTest {
  private final Planner planner = new Planner();
  private final DesiredStack base = base();
  private final LoadBalancerSpec spec = base.loadBalancer().orElseThrow();
  private final Ref existing = Ref.existing(lbArn(spec), "LoadBalancer");

  @Test
  void aNewStackIsCreatedInLbcOrder() {
    List<Change> changes = planner.plan(base, ActualStack.empty(base.id()), Map.of()).changes();

    Ref lb = Ref.pending("LoadBalancer");
    Ref tg = Ref.pending(TG80);
    assertThat(changes)
        .containsExactly(
            new Change.CreateTargetGroup(base.targetGroups().get(0)),
            new Change.ModifyTargetGroupAttributes(tg, base.targetGroups().get(0).attributes()),
            new Change.CreateLoadBalancer(spec),
            new Change.ModifyLoadBalancerAttributes(lb, spec.attributes()),
            new Change.CreateListener(lb, base.listeners().get(0)),
            new Change.RegisterTargets(tg, List.copyOf(new TreeSet<>(base.targets().get(TG80)))));
  }

  static Stream<Arguments> inPlaceChanges() {
    LoadBalancerSpec spec = base().loadBalancer().orElseThrow();
    Ref ref = Ref.existing(lbArn(spec), "LoadBalancer");
    return Stream.of(
        Arguments.of(
            "changed subnets",
            lb(spec).subnetIds("subnet-a", "subnet-c").build(),
            List.of(new Change.SetSubnets(ref, List.of("subnet-a", "subnet-c")))),
        Arguments.of(
            "a changed ip address type",
            lb(spec).ipAddressType("dualstack").build(),
            List.of(new Change.SetIpAddressType(ref, "dualstack"))),
        Arguments.of(
            "a changed attribute, only desired keys",
            lb(spec)
                .attributes(
                    Map.of(
                        "load_balancing.cross_zone.enabled",
                        "false",
                        "access_logs.s3.enabled",
                        "false"))
                .build(),
            List.of(
                new Change.ModifyLoadBalancerAttributes(
                    ref, Map.of("load_balancing.cross_zone.enabled", "false")))),
        Arguments.of(
            "an attribute the spec no longer names is left as it is (LBC's DiffStringMap)",
            lb(spec).attributes(Map.of()).build(),
            List.of()),
        Arguments.of(
            "an added tag",
            lb(spec).tags(plus(spec.tags(), "team", "edge")).build(),
            List.of(new Change.UpdateTags(ref, Map.of("team", "edge"), Set.of()))),
        Arguments.of(
            "a new name alone (AWS cannot rename; LBC names only at creation)",
            lb(spec).name("my-custom-name").build(),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inPlaceChanges")
  void aMatchedLoadBalancerIsModifiedInPlace(
      String name, LoadBalancerSpec changed, List<Change> expected) {
    assertThat(planner.plan(withLb(base, changed), actualOf(base), Map.of()).changes())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void inPlaceChangesComeInLbcOrder() {
    LoadBalancerSpec changed =
        lb(spec)
            .tags(plus(spec.tags(), "team", "edge"))
            .subnetIds("subnet-c")
            .ipAddressType("dualstack")
            .attributes(Map.of("load_balancing.cross_zone.enabled", "false"))
            .build();

    assertThat(planner.plan(withLb(base, changed), actualOf(base), Map.of()).changes())
        .extracting(c -> c.getClass().getSimpleName())
        .containsExactly(
            "UpdateTags", "SetSubnets", "SetIpAddressType", "ModifyLoadBalancerAttributes");
  }

  static Stream<Arguments> replacements() {
    LoadBalancerSpec spec = base().loadBalancer().orElseThrow();
    return Stream.of(
        Arguments.of(
            "scheme", lb(spec).scheme("internal").name("k8s-default-echo-internal").build()),
        Arguments.of("type", lb(spec).type(LoadBalancerType.APPLICATION).build()));
  }

  @ParameterizedTest(name = "a changed {0} deletes the old load balancer, then creates the new one")
  @MethodSource("replacements")
  void aChangedSchemeOrTypeReplacesTheLoadBalancer(String field, LoadBalancerSpec changed) {
    List<Change> changes = planner.plan(withLb(base, changed), actualOf(base), Map.of()).changes();

    Ref created = Ref.pending("LoadBalancer");
    assertThat(changes)
        .containsExactly(
            new Change.DeleteLoadBalancer(existing),
            new Change.CreateLoadBalancer(changed),
            new Change.ModifyLoadBalancerAttributes(created, changed.attributes()),
            // the old listeners went with the old load balancer: none is deleted or modified
            new Change.CreateListener(created, base.listeners().get(0)));
  }

  @Test
  void aReplacedLoadBalancerWithDeletionProtectionHasItTurnedOffFirst() {
    ActualStack actual =
        mapLoadBalancer(
            actualOf(base),
            l -> withAttributes(l, plus(l.attributes(), "deletion_protection.enabled", "true")));
    LoadBalancerSpec changed = lb(spec).scheme("internal").build();

    assertThat(planner.plan(withLb(base, changed), actual, Map.of()).changes())
        .startsWith(
            new Change.ModifyLoadBalancerAttributes(
                existing, Map.of("deletion_protection.enabled", "false")),
            new Change.DeleteLoadBalancer(existing),
            new Change.CreateLoadBalancer(changed));
  }

  @Test
  void aNewLoadBalancerWithoutAttributesGetsNoAttributeCall() {
    LoadBalancerSpec plain = lb(spec).attributes(Map.of()).build();
    DesiredStack desired = withLb(base, plain);

    assertThat(planner.plan(desired, ActualStack.empty(base.id()), Map.of()).changes())
        .noneMatch(c -> c instanceof Change.ModifyLoadBalancerAttributes);
  }
}
