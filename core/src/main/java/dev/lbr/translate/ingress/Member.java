package dev.lbr.translate.ingress;

import dev.lbr.k8s.K8sIngress;
import dev.lbr.translate.common.Annotations;
import java.util.Optional;

/**
 * One active Ingress of a group (LBC's {@code ClassifiedIngress}): the Ingress, its {@code
 * alb.ingress.kubernetes.io/*} annotations, its class's IngressClassParams (null when none) and its
 * {@code group.order}.
 */
record Member(K8sIngress ingress, Annotations annotations, ClassParams params, int order) {

  static Annotations annotationsOf(K8sIngress ingress) {
    return Annotations.of(ingress, IngressAnnotation.PREFIX);
  }

  String namespace() {
    return ingress.metadata().namespace();
  }

  String name() {
    return ingress.metadata().name();
  }

  /** {@code ns/name}. */
  String key() {
    return ingress.metadata().key();
  }

  /** {@code Ingress ns/name}, the object named in every error about it. */
  String object() {
    return ingress.key().toString();
  }

  Optional<ClassParams> classParams() {
    return Optional.ofNullable(params);
  }
}
