package dev.lbr.forwarder.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** LBC's finalizers and TargetGroupBinding labels per kind of stack. */
class StackRefTest {

  @Test
  void aServiceStackUsesTheServiceFinalizerAndNamespacedLabels() {
    StackRef s = StackRef.parse("service/shop/web");
    assertThat(s.members()).isEqualTo(ApiResource.SERVICES);
    assertThat(s.finalizer()).isEqualTo("service.k8s.aws/resources");
    assertThat(s.single()).isEqualTo("shop/web");
    assertThat(s.labels())
        .isEqualTo(
            Map.of("service.k8s.aws/stack-namespace", "shop", "service.k8s.aws/stack-name", "web"));
    assertThat(s.bindingSelector())
        .isEqualTo(
            "service.k8s.aws/stack-name=web,service.k8s.aws/stack-namespace=shop,"
                + "app.kubernetes.io/managed-by=lbr");
  }

  @Test
  void ingressGroupsAreImplicitWithANamespaceAndExplicitWithout() {
    StackRef implicit = StackRef.parse("ingress/shop/front");
    assertThat(implicit.finalizer()).isEqualTo("ingress.k8s.aws/resources");
    assertThat(implicit.single()).isEqualTo("shop/front");
    assertThat(implicit.labels()).containsEntry("ingress.k8s.aws/stack-name", "front");
    StackRef explicit = StackRef.parse("ingress/team");
    assertThat(explicit.finalizer()).isEqualTo("group.ingress.k8s.aws/team");
    assertThat(explicit.single()).isNull();
    assertThat(explicit.labels()).isEqualTo(Map.of("ingress.k8s.aws/stack", "team"));
  }

  @Test
  void aBindingStackIsTheUsersBindingWithLbcsBindingFinalizerAndNoLabels() {
    StackRef b = StackRef.parse("binding/shop/web");
    assertThat(b.binding()).isTrue();
    assertThat(b.members()).isEqualTo(ApiResource.TARGET_GROUP_BINDINGS);
    assertThat(b.finalizer()).isEqualTo("elbv2.k8s.aws/resources");
    assertThat(b.single()).isEqualTo("shop/web");
    assertThat(b.labels()).isEmpty();
    assertThatThrownBy(b::bindingSelector).isInstanceOf(IllegalStateException.class);
    assertThat(StackRef.parse("service/shop/web").binding()).isFalse();
  }

  @Test
  void malformedStackIdsAreRefused() {
    for (String bad :
        new String[] {
          "service/web",
          "svc/shop/web",
          "ingress/a/b/c",
          "ingress/",
          "x",
          "binding/web",
          "binding/a/b/c",
          "binding/shop/"
        }) {
      assertThatThrownBy(() -> StackRef.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void lbrsFinalizersAreRecognisedAndNoOthers() {
    assertThat(StackRef.isLbrFinalizer("group.ingress.k8s.aws/team")).isTrue();
    assertThat(StackRef.isLbrFinalizer("service.k8s.aws/resources")).isTrue();
    assertThat(StackRef.isLbrFinalizer("elbv2.k8s.aws/resources")).isFalse();
    assertThat(StackRef.isLbrFinalizer("kubernetes.io/pvc-protection")).isFalse();
  }
}
