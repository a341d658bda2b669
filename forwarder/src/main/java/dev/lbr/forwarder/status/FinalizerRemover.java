package dev.lbr.forwarder.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.forwarder.publish.JsonLog;
import java.util.ArrayList;
import java.util.List;

/**
 * The uninstall path ({@code --remove-finalizers}, LBC issue #2894): removes every lbr finalizer
 * ({@code service.k8s.aws/resources}, {@code ingress.k8s.aws/resources}, {@code
 * group.ingress.k8s.aws/*}) from every Service and Ingress, so nothing hangs in deletion once lbr
 * is gone. LBC uses the same names: never run it while LBC still manages the cluster.
 */
public final class FinalizerRemover {
  private final KubeRest kube;

  public FinalizerRemover(KubeRest kube) {
    this.kube = kube;
  }

  /** Returns how many objects were changed; {@code namespaces} empty means all. */
  public int run(List<String> namespaces) {
    int changed = 0;
    for (ApiResource kind : List.of(ApiResource.SERVICES, ApiResource.INGRESSES)) {
      List<ObjectNode> objects = new ArrayList<>();
      if (namespaces.isEmpty()) {
        objects.addAll(kube.list(kind.collection(null), null));
      } else {
        namespaces.forEach(ns -> objects.addAll(kube.list(kind.collection(ns), null)));
      }
      for (ObjectNode o : objects) {
        if (Finalizers.removing(o, StackRef::isLbrFinalizer) != null) {
          kube.update(kind, o, false, x -> Finalizers.removing(x, StackRef::isLbrFinalizer));
          changed++;
          JsonLog.info(
              "finalizers removed",
              "kind",
              kind.kind(),
              "object",
              o.path("metadata").path("namespace").asText()
                  + "/"
                  + o.path("metadata").path("name").asText());
        }
      }
    }
    return changed;
  }
}
