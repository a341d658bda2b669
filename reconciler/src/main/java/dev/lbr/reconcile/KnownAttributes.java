package dev.lbr.reconcile;

import dev.lbr.model.DesiredStack;
import dev.lbr.model.TargetGroupSpec;
import dev.lbr.state.Checkpoint;
import java.util.Map;
import java.util.TreeMap;

/**
 * Target group attributes a trusted checkpoint vouches for. A pass that converged records, per
 * target group, a hash of the attributes it asked for ({@link Checkpoint#attributeHashes}); the
 * next full pass, while that checkpoint is trusted (OK and fresh, as for its tracked targets),
 * takes the attributes of a target group that asks for the same as read, and skips one
 * DescribeTargetGroupAttributes for it. Drift runs and forced passes trust nothing and read them.
 */
final class KnownAttributes {
  private KnownAttributes() {}

  /** What the checkpoint records for {@code desired}: resource id → hash of its attributes. */
  static Map<String, String> hashes(DesiredStack desired) {
    Map<String, String> hashes = new TreeMap<>();
    desired.targetGroups().forEach(tg -> hashes.put(tg.resourceId(), hash(tg)));
    return hashes;
  }

  /**
   * The attributes of the checkpoint's target groups (by ARN) that {@code desired} asks for
   * unchanged. Only for a trusted checkpoint.
   */
  static Map<String, Map<String, String>> of(Checkpoint trusted, DesiredStack desired) {
    Map<String, Map<String, String>> known = new TreeMap<>();
    for (TargetGroupSpec tg : desired.targetGroups()) {
      String arn = trusted.resources().get(tg.resourceId());
      if (arn != null && hash(tg).equals(trusted.attributeHashes().get(tg.resourceId()))) {
        known.put(arn, tg.attributes());
      }
    }
    return known;
  }

  /** Sixteen hex digits of SHA-256 over the sorted attributes: small in the checkpoint item. */
  private static String hash(TargetGroupSpec tg) {
    return Hashing.sha256(new TreeMap<>(tg.attributes())).substring(0, 16);
  }
}
