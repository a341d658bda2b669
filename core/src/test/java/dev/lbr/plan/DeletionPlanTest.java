package dev.lbr.plan;

import static dev.lbr.plan.StackFixtures.TG443;
import static dev.lbr.plan.StackFixtures.TG80;
import static dev.lbr.plan.StackFixtures.actualOf;
import static dev.lbr.plan.StackFixtures.base;
import static dev.lbr.plan.StackFixtures.lbArn;
import static dev.lbr.plan.StackFixtures.mapLoadBalancer;
import static dev.lbr.plan.StackFixtures.plus;
import static dev.lbr.plan.StackFixtures.tgArn;
import static dev.lbr.plan.StackFixtures.withAttributes;
import static dev.lbr.plan.StackFixtures.withListeners;
import static dev.lbr.plan.StackFixtures.withTargetGroups;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.InvalidInputException;
import dev.lbr.model.StackId;
import dev.lbr.model.StackKind;
import dev.lbr.model.TargetGroupSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeletionPlanTest {
  private final Planner planner = new Planner();
  private final DesiredStack base = base();
  private final TargetGroupSpec tg80 = base.targetGroups().get(0);
  private final TargetGroupSpec tg443 = StackFixtures.tg(TG443, 8443);
  private final DesiredStack twoPorts =
      withListeners(
          withTargetGroups(base, tg80, tg443),
          base.listeners().get(0),
          StackFixtures.listener(443, "TCP", TG443));

  @Test
  void anEmptyStackDeletesTheLoadBalancerWithItsListenersThenEveryTargetGroup() {
    List<Change> changes =
        planner.plan(DesiredStack.empty(base.id()), actualOf(twoPorts), Map.of()).changes();

    assertThat(changes)
        .containsExactly(
            new Change.DeleteLoadBalancer(
                Ref.existing(lbArn(base.loadBalancer().get()), "LoadBalancer")),
            new Change.DeleteTargetGroup(Ref.existing(tgArn(tg443), TG443)),
            new Change.DeleteTargetGroup(Ref.existing(tgArn(tg80), TG80)));
  }

  @Test
  void anEmptyStackWhoseLoadBalancerIsGoneDeletesTheLeftoverTargetGroups() {
    ActualStack actual = actualOf(base);
    ActualStack leftovers =
        new ActualStack(
            actual.id(), java.util.Optional.empty(), List.of(), actual.targetGroups(), Map.of());

    assertThat(planner.plan(DesiredStack.empty(base.id()), leftovers, Map.of()).changes())
        .containsExactly(new Change.DeleteTargetGroup(Ref.existing(tgArn(tg80), TG80)));
  }

  @Test
  void deletionProtectionStopsTheDeletionOfAService() {
    ActualStack actual =
        mapLoadBalancer(
            actualOf(base),
            l -> withAttributes(l, plus(l.attributes(), "deletion_protection.enabled", "true")));

    assertThatThrownBy(() -> planner.plan(DesiredStack.empty(base.id()), actual, Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Service default/echo")
        .hasMessageContaining("deletion_protection is enabled, cannot delete the service");
  }

  @Test
  void deletionProtectionStopsTheDeletionOfAnIngressGroup() {
    StackId group = new StackId(StackKind.INGRESS, "shop");
    ActualStack service =
        mapLoadBalancer(
            actualOf(base), l -> withAttributes(l, Map.of("deletion_protection.enabled", "TRUE")));
    ActualStack actual =
        new ActualStack(group, service.loadBalancer(), List.of(), List.of(), Map.of());

    assertThatThrownBy(() -> planner.plan(DesiredStack.empty(group), actual, Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("IngressGroup shop")
        .hasMessageContaining("cannot delete the ingress");
  }
}
