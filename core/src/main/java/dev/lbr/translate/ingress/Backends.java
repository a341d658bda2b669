package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressAnnotation.ACTIONS_PREFIX;

import dev.lbr.k8s.K8sIngress;
import dev.lbr.k8s.K8sService;
import dev.lbr.model.Action;
import dev.lbr.model.RuleCondition;
import dev.lbr.model.TargetGroupRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves an Ingress backend into rule conditions and an action (LBC {@code
 * enhanced_backend_builder.go} and {@code buildForwardAction}). As LBC's defaults ({@code
 * --tolerate-non-existent-backend-service} and {@code --tolerate-non-existent-backend-action}, both
 * true): a forward to a single Service that does not exist, or a {@code use-annotation} backend
 * without its {@code actions.*} annotation, becomes a fixed 503 response.
 */
final class Backends {
  static final String USE_ANNOTATION = "use-annotation";
  static final String MISSING_SERVICE_BODY = "Backend service does not exist";
  static final String MISSING_ACTION_BODY = "Backend action does not exist";

  /** The extra conditions of {@code conditions.<name>} and the backend's action. */
  record Resolved(String name, List<RuleCondition> conditions, Action action) {}

  private final Map<String, K8sService> services;
  private final TargetGroups targetGroups;

  Backends(Map<String, K8sService> services, TargetGroups targetGroups) {
    this.services = services;
    this.targetGroups = targetGroups;
  }

  Resolved resolve(Member m, K8sIngress.Backend backend) {
    if (backend == null || backend.service() == null || backend.service().name() == null) {
      throw m.annotations()
          .invalid("a backend has no service (resource backends are not supported)");
    }
    String name = backend.service().name();
    List<RuleCondition> conditions = ConditionAnnotation.parse(m.annotations(), name);
    K8sIngress.ServiceBackendPort port = backend.service().port();
    String portName = port == null || port.name() == null ? "" : port.name();
    if (portName.equals(USE_ANNOTATION)) {
      BackendAction action =
          ActionAnnotation.parse(m.annotations(), name)
              .orElse(new BackendAction.Ready(fixed503(MISSING_ACTION_BODY)));
      return new Resolved(name, conditions, action(m, action, ACTIONS_PREFIX + name));
    }
    String servicePort;
    if (!portName.isEmpty()) {
      servicePort = portName;
    } else if (port != null && port.number() != null) {
      servicePort = Integer.toString(port.number());
    } else {
      throw m.annotations()
          .invalid("the backend of service " + name + " has neither a port name nor a number");
    }
    return new Resolved(
        name, conditions, action(m, BackendAction.Forward.toService(name, servicePort), null));
  }

  /**
   * The model action; {@code suffix} is the {@code actions.*} annotation it came from, or null for
   * a plain Service backend.
   */
  private Action action(Member m, BackendAction action, String suffix) {
    return switch (action) {
      case BackendAction.Ready r -> r.action();
      case BackendAction.Forward f -> forward(m, f, suffix);
    };
  }

  private Action forward(Member m, BackendAction.Forward f, String suffix) {
    TargetGroups.Reference reference = new TargetGroups.Reference(m.annotations(), suffix);
    Set<String> names = new LinkedHashSet<>();
    f.targetGroups()
        .forEach(
            t -> {
              if (t.serviceName() != null) {
                names.add(t.serviceName());
              }
            });
    for (String name : names) {
      if (!services.containsKey(m.namespace() + "/" + name)) {
        if (f.targetGroups().size() == 1) {
          return fixed503(MISSING_SERVICE_BODY);
        }
        throw reference.invalid("service " + m.namespace() + "/" + name + " not found");
      }
    }
    List<Action.WeightedTargetGroup> groups = new ArrayList<>();
    for (BackendAction.Tuple t : f.targetGroups()) {
      TargetGroupRef ref =
          t.targetGroupArn() != null
              ? TargetGroupRef.external(t.targetGroupArn())
              : targetGroups.ref(
                  m,
                  services.get(m.namespace() + "/" + t.serviceName()),
                  t.servicePort(),
                  reference);
      groups.add(new Action.WeightedTargetGroup(ref, t.weight()));
    }
    return new Action.Forward(groups, f.stickinessDurationSeconds());
  }

  static Action.FixedResponse fixed503(String body) {
    return new Action.FixedResponse("503", "text/plain", body);
  }
}
