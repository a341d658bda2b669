package dev.lbr.forwarder.publish;

import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.ObjectKey;

/** One pending change of one object, as the coalescer keeps it. */
sealed interface Change {
  ObjectKey key();

  /** The object as it is now. */
  record Upsert(K8sObject object) implements Change {
    @Override
    public ObjectKey key() {
      return object.key();
    }
  }

  /** The object is gone; {@code last} may be null. */
  record Delete(ObjectKey key, String resourceVersion, K8sObject last) implements Change {}
}
