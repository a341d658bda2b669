package dev.lbr.translate.service;

import static dev.lbr.translate.service.ServiceAnnotation.LB_TYPE;
import static dev.lbr.translate.service.ServiceAnnotation.TARGET_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IsManagedTest {

  @Test
  void ourLoadBalancerClassIsManagedWhateverTheAnnotations() {
    assertThat(ServiceModelBuilder.isManaged(Fixtures.service().build())).isTrue();
    assertThat(
            ServiceModelBuilder.isManaged(
                Fixtures.service()
                    .annotation(TARGET_TYPE, null)
                    .annotation(LB_TYPE, "nlb")
                    .build()))
        .isTrue();
  }

  @Test
  void anotherLoadBalancerClassIsNotManagedEvenWithTheTypeAnnotation() {
    assertThat(
            ServiceModelBuilder.isManaged(
                Fixtures.service().lbClass("example.com/lb").annotation(LB_TYPE, "nlb-ip").build()))
        .isFalse();
  }

  @Test
  void withoutAClassTheTypeAnnotationDecides() {
    Fixtures.Svc noClass = Fixtures.service().lbClass(null).annotation(TARGET_TYPE, null);
    assertThat(ServiceModelBuilder.isManaged(noClass.build())).isFalse();
    assertThat(ServiceModelBuilder.isManaged(noClass.annotation(LB_TYPE, "nlb-ip").build()))
        .isTrue();
  }

  @Test
  void externalNeedsAnExplicitTargetTypeAsInLbc() {
    Fixtures.Svc external =
        Fixtures.service()
            .lbClass(null)
            .annotation(TARGET_TYPE, null)
            .annotation(LB_TYPE, "external");
    assertThat(ServiceModelBuilder.isManaged(external.build())).isFalse();
    assertThat(ServiceModelBuilder.isManaged(external.annotation(TARGET_TYPE, "ip").build()))
        .isTrue();
    assertThat(ServiceModelBuilder.isManaged(external.annotation(TARGET_TYPE, "instance").build()))
        .isTrue();
    assertThat(ServiceModelBuilder.isManaged(external.annotation(TARGET_TYPE, "pod").build()))
        .isFalse();
  }

  @Test
  void onlyLoadBalancerServicesAreManaged() {
    assertThat(ServiceModelBuilder.isManaged(Fixtures.service().type("NodePort").build()))
        .isFalse();
    assertThat(
            ServiceModelBuilder.isManaged(
                Fixtures.service()
                    .type("ClusterIP")
                    .lbClass(null)
                    .annotation(LB_TYPE, "nlb-ip")
                    .build()))
        .isFalse();
  }
}
