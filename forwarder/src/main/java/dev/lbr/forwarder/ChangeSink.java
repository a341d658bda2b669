package dev.lbr.forwarder;

import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import java.util.Map;
import java.util.Set;

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

  /**
   * The full set of live keys per kind: the inventory. {@code resourceVersion} is the version up to
   * which every listed kind is complete (the lowest last-synced version of the informers).
   */
  void inventory(Map<Kind, Set<ObjectKey>> liveKeys, String resourceVersion);
}
