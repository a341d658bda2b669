package dev.lbr.translate.ingress;

import dev.lbr.k8s.K8sIngress;
import dev.lbr.k8s.K8sIngressClass;
import dev.lbr.k8s.K8sIngressClassParams;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which Ingresses are ours, and with which IngressClassParams (LBC {@code class_loader.go} and
 * {@code group_loader.go classifyIngress}): the legacy {@code kubernetes.io/ingress.class: alb}
 * annotation (which wins over {@code spec.ingressClassName}, as in LBC), else the IngressClass
 * named by {@code spec.ingressClassName} (or the one default IngressClass) whose controller is
 * {@value #CONTROLLER}.
 */
final class IngressClasses {
  static final String CONTROLLER = "ingress.k8s.aws/alb";
  static final String LEGACY_CLASS_VALUE = "alb";
  static final String DEFAULT_CLASS_ANNOTATION = "ingressclass.kubernetes.io/is-default-class";
  static final String PARAMS_API_GROUP = "elbv2.k8s.aws";
  static final String PARAMS_KIND = "IngressClassParams";

  /**
   * An Ingress of ours: its class's parameters (null when it has none), or, when they cannot be
   * used, why ({@code paramsProblem}; the build then fails rather than dropping the Ingress).
   */
  record Classified(ClassParams params, String paramsProblem) {
    static final Classified NO_PARAMS = new Classified(null, null);
  }

  private IngressClasses() {}

  /** Empty when the Ingress is not ours (another class, or no class of ours). */
  static Optional<Classified> classify(
      K8sIngress ingress,
      Map<String, K8sIngressClass> classes,
      Map<String, K8sIngressClassParams> params) {
    String legacy = ingress.metadata().annotations().get(IngressAnnotation.LEGACY_CLASS);
    if (legacy != null) {
      return legacy.equals(LEGACY_CLASS_VALUE)
          ? Optional.of(Classified.NO_PARAMS)
          : Optional.empty();
    }
    String className = ingress.spec() == null ? null : ingress.spec().ingressClassName();
    if (className == null) {
      className = defaultClass(classes).orElse(null);
      if (className == null) {
        return Optional.empty();
      }
    }
    K8sIngressClass cls = classes.get(className);
    if (cls == null || cls.spec() == null || !CONTROLLER.equals(cls.spec().controller())) {
      return Optional.empty();
    }
    K8sIngressClass.Parameters ref = cls.spec().parameters();
    if (ref == null) {
      return Optional.of(Classified.NO_PARAMS);
    }
    if (!PARAMS_API_GROUP.equals(ref.apiGroup()) || !PARAMS_KIND.equals(ref.kind())) {
      return Optional.of(
          new Classified(
              null,
              "IngressClass "
                  + className
                  + " references unknown parameters "
                  + ref.apiGroup()
                  + "/"
                  + ref.kind()
                  + " (expected "
                  + PARAMS_API_GROUP
                  + "/"
                  + PARAMS_KIND
                  + ")"));
    }
    K8sIngressClassParams p = params.get(ref.name());
    if (p == null) {
      return Optional.of(
          new Classified(
              null,
              "IngressClass "
                  + className
                  + " references IngressClassParams "
                  + ref.name()
                  + ", which does not exist"));
    }
    return Optional.of(new Classified(ClassParams.of(p), null));
  }

  /** The IngressClass annotated as the cluster default, when exactly one is. */
  private static Optional<String> defaultClass(Map<String, K8sIngressClass> classes) {
    List<String> defaults =
        classes.entrySet().stream()
            .filter(
                e ->
                    e.getValue().metadata() != null
                        && "true"
                            .equals(
                                e.getValue()
                                    .metadata()
                                    .annotations()
                                    .get(DEFAULT_CLASS_ANNOTATION)))
            .map(Map.Entry::getKey)
            .toList();
    return defaults.size() == 1 ? Optional.of(defaults.get(0)) : Optional.empty();
  }
}
