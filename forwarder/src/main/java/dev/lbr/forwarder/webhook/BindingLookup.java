package dev.lbr.forwarder.webhook;

import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.K8sTargetGroupBinding;
import java.util.List;
import java.util.Optional;

/** What the webhook reads, from informer caches: never an API call on the admission path. */
public interface BindingLookup {

  /**
   * Whether the caches have listed everything once (before that, pods are admitted as they are).
   */
  boolean synced();

  /** The TargetGroupBindings of a namespace, lbr's and the users'. */
  List<K8sTargetGroupBinding> bindings(String namespace);

  Optional<K8sService> service(String namespace, String name);
}
