package dev.lbr.testing;

import dev.lbr.event.Events;
import dev.lbr.event.Operation;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.ObjectKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plays the in-cluster forwarder for a sequence of scenario steps: each step is the complete set of
 * objects; objects present are sent as upserts (with the manifest's resourceVersion, as the API
 * server gave it), objects seen before but now absent as deletes with the next resourceVersion.
 */
public final class ForwarderSimulator {
  private final String cluster;
  private final Map<ObjectKey, K8sObject> seen = new HashMap<>();

  public ForwarderSimulator(String cluster) {
    this.cluster = cluster;
  }

  public List<String> step(List<K8sObject> objects) {
    List<String> envelopes = new ArrayList<>();
    Set<ObjectKey> present = new HashSet<>();
    for (K8sObject object : objects) {
      present.add(object.key());
      seen.put(object.key(), object);
      envelopes.add(Events.envelope(cluster, object, Operation.UPSERT, Instant.EPOCH));
    }
    for (var it = seen.entrySet().iterator(); it.hasNext(); ) {
      var entry = it.next();
      if (!present.contains(entry.getKey())) {
        var meta = entry.getValue().metadata();
        String next = Long.toString(Long.parseLong(meta.resourceVersion()) + 1);
        envelopes.add(
            Events.deleteEnvelope(cluster, entry.getKey(), meta.uid(), next, Instant.EPOCH));
        it.remove();
      }
    }
    return envelopes;
  }
}
