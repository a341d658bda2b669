package dev.lbr.translate.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.DesiredStack;
import dev.lbr.model.StackId;
import dev.lbr.model.StackKind;
import dev.lbr.translate.common.StackJson;
import dev.lbr.translate.ingress.IngressWorld.Ing;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code group}, {@code backendServices}, {@code targets} and the builder's determinism. */
class IngressModelBuilderApiTest {
  private final IngressWorld w = IngressWorld.base();

  private Optional<StackId> groupOf(Ing ing) {
    return IngressModelBuilder.group(ing.build(), w.classes, w.params);
  }

  private static StackId stack(String name) {
    return new StackId(StackKind.INGRESS, name);
  }

  @Test
  void anIngressOfOurClassBelongsToItsImplicitGroup() {
    assertThat(groupOf(w.ing())).contains(stack("default/web"));
  }

  @Test
  void anIngressOfAnotherClassOrNoClassIsNotOurs() {
    assertThat(groupOf(new Ing("default", "a").className("nginx"))).isEmpty();
    assertThat(groupOf(new Ing("default", "b").className(null))).isEmpty();
    assertThat(groupOf(new Ing("default", "c").className("unknown-class"))).isEmpty();
    Ing legacyOther =
        new Ing("default", "d").className(null).raw(IngressAnnotation.LEGACY_CLASS, "nginx");
    assertThat(groupOf(legacyOther)).isEmpty();
  }

  @Test
  void theLegacyClassAnnotationWinsOverIngressClassName() {
    Ing ing = new Ing("default", "e").className("nginx").raw(IngressAnnotation.LEGACY_CLASS, "alb");
    assertThat(groupOf(ing)).contains(stack("default/e"));
  }

  @Test
  void anIngressBeingDeletedBelongsToNoGroup() {
    assertThat(groupOf(new Ing("default", "web").deleting())).isEmpty();
  }

  @Test
  void groupNameAndIngressClassParamsGroupNameMakeExplicitGroups() {
    assertThat(groupOf(new Ing("default", "web").annotation("group.name", "shop")))
        .contains(stack("shop"));
    w.params("params", "{\"group\": {\"name\": \"team\"}}");
    Ing viaParams = new Ing("default", "web").className("alb-params");
    assertThat(groupOf(viaParams.annotation("group.name", "shop"))).contains(stack("team"));
  }

  @Test
  void anInvalidGroupNameLeavesTheIngressInItsImplicitGroupWhoseBuildFails() {
    Ing ing = new Ing("default", "web").annotation("group.name", "Not Valid");
    assertThat(groupOf(ing)).contains(stack("default/web"));
  }

  @Test
  void backendServicesListsRuleDefaultAndActionServicesOnce() {
    Ing ing =
        new Ing("team", "web")
            .defaultBackend("fallback", null, 80)
            .path("/a", "Prefix", "web", 80)
            .path("/b", "Prefix", "web", "http")
            .action("/c", "Prefix", "split")
            .action("/d", "Prefix", "broken")
            .annotation(
                "actions.split",
                "{\"type\": \"forward\", \"forwardConfig\": {\"targetGroups\": ["
                    + "{\"serviceName\": \"blue\", \"servicePort\": 80, \"weight\": 1},"
                    + " {\"serviceName\": \"green\", \"servicePort\": 80, \"weight\": 1}]}}")
            .annotation("actions.broken", "{not json");
    assertThat(IngressModelBuilder.backendServices(ing.build()))
        .containsExactly("team/blue", "team/fallback", "team/green", "team/web");
  }

  @Test
  void targetsEqualTheBuiltStacksTargets() {
    IngressGroupGoldenTest.twoMembers(w);
    DesiredStack stack = IngressModelBuilder.build(w.input(), w.facts);
    assertThat(stack.targets()).hasSize(2);
    assertThat(IngressModelBuilder.targets(w.input())).isEqualTo(stack.targets());
  }

  @Test
  void aGroupWithoutMembersHasAnEmptyStackAndNoTargets() {
    IngressGroupInput input = w.input(stack("nobody"));
    assertThat(IngressModelBuilder.build(input, w.facts).isEmpty()).isTrue();
    assertThat(IngressModelBuilder.targets(input)).isEmpty();
  }

  @Test
  void theSameInputGivesByteIdenticalOutputWhateverTheOrderOfMembersAndAnnotations() {
    IngressGroupGoldenTest.twoMembers(w);
    w.ing().annotation("tags", "b=2,a=1").annotation("inbound-cidrs", "10.0.0.0/8,192.0.2.0/24");
    String first = StackJson.string(IngressModelBuilder.build(w.input(), w.facts));
    IngressWorld reversed = IngressWorld.base();
    IngressGroupGoldenTest.twoMembers(reversed);
    reversed
        .ing()
        .annotation("inbound-cidrs", "192.0.2.0/24,10.0.0.0/8")
        .annotation("tags", "a=1,b=2");
    IngressGroupInput input = reversed.input();
    IngressGroupInput shuffled =
        new IngressGroupInput(
            input.id(),
            List.of(input.members().get(1), input.members().get(0)),
            input.classes(),
            input.params(),
            input.services(),
            input.slices());
    assertThat(StackJson.string(IngressModelBuilder.build(shuffled, reversed.facts)))
        .isEqualTo(first);
  }
}
