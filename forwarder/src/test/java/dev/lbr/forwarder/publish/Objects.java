package dev.lbr.forwarder.publish;

import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.ObjectMeta;
import java.util.List;
import java.util.Map;

/** Small projected objects for the tests. */
final class Objects {
  private Objects() {}

  static K8sService service(String namespace, String name, String rv) {
    return service(namespace, name, rv, Map.of());
  }

  static K8sService service(
      String namespace, String name, String rv, Map<String, String> annotations) {
    var meta =
        new ObjectMeta(namespace, name, "uid-" + name, rv, Map.of(), annotations, null, null);
    var port = new K8sService.Port("", "TCP", 80, "8080", null);
    var spec =
        new K8sService.Spec("LoadBalancer", null, List.of(port), Map.of(), null, null, null, null);
    return new K8sService(meta, spec);
  }
}
