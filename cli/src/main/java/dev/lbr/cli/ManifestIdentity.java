package dev.lbr.cli;

import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The identity the API server would give a hand-written manifest: a missing uid is derived from the
 * cluster and the object's key, so it is stable across runs and load balancer, target group and
 * security group names (which hash the uid) are too. {@code lbr plan} and {@code lbr apply} both
 * take their objects through this one step, so the plan names what apply creates.
 */
final class ManifestIdentity {
  private ManifestIdentity() {}

  static List<K8sObject> identified(String cluster, List<K8sObject> objects) {
    return objects.stream().map(o -> identified(cluster, o)).toList();
  }

  static K8sObject identified(String cluster, K8sObject object) {
    ObjectMeta meta = object.metadata();
    if (meta.uid() != null && !meta.uid().isEmpty()) {
      return object;
    }
    String identity = cluster + "/" + object.key();
    return object.withMetadata(
        meta.withUid(UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString()));
  }
}
