package dev.lbr.forwarder.status;

import dev.lbr.model.StackId;
import dev.lbr.model.StackKind;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A stack as the cluster sees it, with LBC's names: the kind of its members, the finalizer they
 * carry ({@code pkg/shared_constants}) and the labels of its TargetGroupBindings ({@code
 * pkg/deploy/tracking} StackLabels). A binding stack ({@code binding/ns/name}) is a user's
 * TargetGroupBinding: its one member is the binding itself, with LBC's binding finalizer, and it
 * has no TargetGroupBindings of lbr's (no labels).
 *
 * @param single the one object a Service stack, an implicit Ingress group or a binding stack can
 *     have ({@code namespace/name}); null for an explicit IngressGroup, whose members must be
 *     listed
 */
public record StackRef(
    StackId id, ApiResource members, String finalizer, Map<String, String> labels, String single) {

  public static final String SERVICE_FINALIZER = "service.k8s.aws/resources";
  public static final String IMPLICIT_GROUP_FINALIZER = "ingress.k8s.aws/resources";
  public static final String EXPLICIT_GROUP_FINALIZER_PREFIX = "group.ingress.k8s.aws/";

  /** LBC's TargetGroupBinding finalizer ({@code controllers/elbv2}). */
  public static final String BINDING_FINALIZER = "elbv2.k8s.aws/resources";

  /**
   * Parses {@code service/ns/name}, {@code ingress/ns/name}, {@code ingress/group} or {@code
   * binding/ns/name}.
   */
  public static StackRef parse(String stack) {
    StackId id = StackId.parse(stack);
    String name = id.name();
    String prefix = id.kind().tagPrefix() + "/";
    int slash = name.indexOf('/');
    if (name.isEmpty() || name.indexOf('/', slash + 1) >= 0 || name.endsWith("/")) {
      throw new IllegalArgumentException("not a stack id: " + stack);
    }
    if (id.kind() == StackKind.SERVICE) {
      if (slash <= 0) {
        throw new IllegalArgumentException("not a Service stack id: " + stack);
      }
      return new StackRef(
          id, ApiResource.SERVICES, SERVICE_FINALIZER, namespaced(prefix, name), name);
    }
    if (id.kind() == StackKind.BINDING) {
      if (slash <= 0) {
        throw new IllegalArgumentException("not a TargetGroupBinding stack id: " + stack);
      }
      return new StackRef(id, ApiResource.TARGET_GROUP_BINDINGS, BINDING_FINALIZER, Map.of(), name);
    }
    if (slash > 0) {
      return new StackRef(
          id, ApiResource.INGRESSES, IMPLICIT_GROUP_FINALIZER, namespaced(prefix, name), name);
    }
    return new StackRef(
        id,
        ApiResource.INGRESSES,
        EXPLICIT_GROUP_FINALIZER_PREFIX + name,
        Map.of(prefix + "stack", name),
        null);
  }

  /** Whether this is a user's TargetGroupBinding (a binding stack), not a load balancer's stack. */
  public boolean binding() {
    return id.kind() == StackKind.BINDING;
  }

  /**
   * Whether a finalizer is one lbr (and LBC) puts on Services and Ingresses; not the binding
   * finalizer, which the uninstall path ({@link FinalizerRemover}) leaves alone.
   */
  public static boolean isLbrFinalizer(String finalizer) {
    return finalizer.equals(SERVICE_FINALIZER)
        || finalizer.equals(IMPLICIT_GROUP_FINALIZER)
        || finalizer.startsWith(EXPLICIT_GROUP_FINALIZER_PREFIX);
  }

  /**
   * The TargetGroupBindings' label selector: the stack's labels and lbr's own. A binding stack has
   * none (it would select every binding of lbr's).
   */
  public String bindingSelector() {
    if (binding()) {
      throw new IllegalStateException("a binding stack has no TargetGroupBindings: " + id);
    }
    StringJoiner s = new StringJoiner(",");
    labels.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> s.add(e.getKey() + "=" + e.getValue()));
    return s.add(TargetGroupBindings.MANAGED_BY + "=" + TargetGroupBindings.LBR).toString();
  }

  private static Map<String, String> namespaced(String prefix, String name) {
    int slash = name.indexOf('/');
    return Map.of(
        prefix + "stack-namespace", name.substring(0, slash),
        prefix + "stack-name", name.substring(slash + 1));
  }
}
