package dev.lbr.forwarder;

import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.ObjectKey;

/**
 * Where the informers hand over what changed, already filtered and projected to the event
 * contract's fields. The coalescer implements it; so does the stdout sink used for debugging.
 */
public interface ChangeSink {

  /** The object as it is now (projected). */
  void upsert(K8sObject object);

  /**
   * The object is gone. {@code last} is its last known projection (may be null when unknown).
   * {@code resourceVersion} is the deletion's version (the last one known when the informer did not
   * see the delete itself).
   */
  void delete(ObjectKey key, String resourceVersion, K8sObject last);

  /** The full set of live keys per kind after a (re-)list: the inventory. */
  void inventory(java.util.Map<dev.lbr.k8s.Kind, java.util.Set<ObjectKey>> liveKeys);
}
