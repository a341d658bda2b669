package dev.lbr.state;

import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.model.StackId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link BackendIndex} on the state table: partition {@code <cluster>#backends}, one item per
 * Service and Ingress ({@code <service ns>/<name>#<ingress ns>/<name>}, attributes {@code group}
 * and {@code gen}), and the item {@code status} ({@code complete}, {@code gen}).
 */
public final class DynamoBackendIndex implements BackendIndex {
  static final String STATUS = "status";
  static final String COMPLETE = "complete";
  static final String GEN = "gen";
  static final String GROUP = "group";

  private final Partition partition;

  public DynamoBackendIndex(DynamoDbClient ddb, String table, String cluster) {
    this.partition = Partition.of(ddb, table, cluster, "backends");
  }

  @Override
  public Status status() {
    Map<String, AttributeValue> item = partition.get(STATUS);
    if (item == null) {
      return new Status(false, 0);
    }
    return new Status(ItemValues.flag(item, COMPLETE), Long.parseLong(item.get(GEN).n()));
  }

  @Override
  public Set<StackId> groupsReferencing(String service) {
    Set<StackId> groups = new LinkedHashSet<>();
    partition
        .itemsStartingWith(service + "#")
        .forEach(item -> groups.add(StackId.parse(item.get(GROUP).s())));
    return groups;
  }

  @Override
  public void put(ObjectKey ingress, Map<String, StackId> groupByService, long generation) {
    groupByService.forEach(
        (service, group) -> partition.put(reference(service, ingress, group, generation)));
  }

  @Override
  public void rebuild(ObjectKey ingress, Map<String, StackId> groupByService, long generation) {
    groupByService.forEach(
        (service, group) -> {
          // refused when an Ingress event wrote it in this generation: newer than the rebuild read
          partition.putIf(
              reference(service, ingress, group, generation),
              b ->
                  b.conditionExpression("attribute_not_exists(#sk) OR #gen < :gen")
                      .expressionAttributeNames(Map.of("#sk", StateTable.SK, "#gen", GEN))
                      .expressionAttributeValues(Map.of(":gen", number(generation))));
        });
  }

  @Override
  public void remove(ObjectKey ingress, Set<String> services) {
    services.forEach(service -> partition.delete(sk(service, ingress)));
  }

  @Override
  public void markComplete(long generation) {
    // refused when invalidated while the rebuild ran: the next lookup rebuilds again
    partition.updateIf(
        STATUS,
        b ->
            b.updateExpression("SET #complete = :true, #gen = :gen")
                .conditionExpression("attribute_not_exists(#gen) OR #gen = :gen")
                .expressionAttributeNames(Map.of("#complete", COMPLETE, "#gen", GEN))
                .expressionAttributeValues(
                    Map.of(":true", AttributeValue.fromBool(true), ":gen", number(generation))));
  }

  @Override
  public void invalidate() {
    partition.update(
        STATUS,
        b ->
            b.updateExpression("SET #complete = :false ADD #gen :one")
                .expressionAttributeNames(Map.of("#complete", COMPLETE, "#gen", GEN))
                .expressionAttributeValues(
                    Map.of(":false", AttributeValue.fromBool(false), ":one", number(1))));
  }

  private Map<String, AttributeValue> reference(
      String service, ObjectKey ingress, StackId group, long generation) {
    Map<String, AttributeValue> item = new HashMap<>(partition.key(sk(service, ingress)));
    item.put(GROUP, AttributeValue.fromS(group.value()));
    item.put(GEN, number(generation));
    return item;
  }

  /** {@code <service>#<ns>/<name>} for an Ingress, {@code <service>#<Kind>:<ns>/<name>} else. */
  private static String sk(String service, ObjectKey referrer) {
    String kind = referrer.kind() == Kind.INGRESS ? "" : referrer.kind().wireName() + ":";
    return service + "#" + kind + referrer.namespace() + "/" + referrer.name();
  }

  private static AttributeValue number(long n) {
    return AttributeValue.fromN(Long.toString(n));
  }
}
