package dev.lbr.state;

import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.model.StackId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key layout of the state table ({@code docs/state-table.md}). Every partition key starts with
 * {@code <cluster>#}, so clusters sharing a table never meet. Cluster names (EKS: letters, digits,
 * {@code -} and {@code _}), namespaces and names never contain {@code #}.
 */
final class StateKeys {

  private StateKeys() {}

  /** Checks a cluster name is usable as a key prefix, and returns it. */
  static String requireCluster(String cluster) {
    if (cluster == null || cluster.isBlank() || cluster.contains("#")) {
      throw new IllegalArgumentException("not a usable cluster name: '" + cluster + "'");
    }
    return cluster;
  }

  /** Snapshots of one kind: {@code <cluster>#obj#<Kind>}. */
  static String objects(String cluster, Kind kind) {
    return cluster + "#obj#" + kind.wireName();
  }

  /** An object's sort key: {@code <namespace>/<name>} (namespace empty when cluster-scoped). */
  static String object(ObjectKey key) {
    return key.namespace() + "/" + key.name();
  }

  static ObjectKey objectKey(Kind kind, String sortKey) {
    int slash = sortKey.indexOf('/');
    return new ObjectKey(kind, sortKey.substring(0, slash), sortKey.substring(slash + 1));
  }

  /** The {@link StateTable#LSI1_SK} of a live EndpointSlice: {@code <ns>/<service>/<name>}. */
  static String sliceByService(String namespace, String service, String name) {
    return servicePrefix(namespace, service) + name;
  }

  static String servicePrefix(String namespace, String service) {
    return namespace + "/" + service + "/";
  }

  /**
   * A partition of one sort of item of a cluster: {@code <cluster>#<name>}, e.g. {@code
   * <cluster>#checkpoint} (sorted by stack id), {@code #lease}, {@code #network}, {@code #drift}
   * (orphan marks and the run cursor), {@code #drift-report} (sorted by time), {@code #bounds} (the
   * resourceVersion high-water mark, deletion budgets), {@code #backends}.
   */
  static String partition(String cluster, String name) {
    return cluster + "#" + name;
  }

  /** The history of one stack: {@code <cluster>#history#<stack id>}, sorted by time. */
  static String history(String cluster, StackId id) {
    return cluster + "#history#" + id.value();
  }

  /** Fixed width, so text order is time order. */
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  /**
   * A sort key in time order for entries appended under one partition (history, drift reports): the
   * instant, then a random suffix so two entries of the same instant do not overwrite each other.
   * The suffix comes from the system's secure random source, which SnapStart-restored Lambda
   * instances do not share (a generator seeded at init would repeat in each of them).
   */
  static String timeOrdered(Instant at) {
    return SORTABLE.format(at) + "#" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The instant of a {@link #timeOrdered} sort key. */
  static Instant timeOf(String sortKey) {
    return SORTABLE.parse(sortKey.substring(0, sortKey.indexOf('#')), Instant::from);
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(StateTable.PK, AttributeValue.fromS(pk), StateTable.SK, AttributeValue.fromS(sk));
  }
}
