package dev.lbr.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sIngress;
import dev.lbr.k8s.K8sIngressClass;
import dev.lbr.k8s.K8sIngressClassParams;
import dev.lbr.k8s.K8sNode;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.state.SnapshotStore.StoredObject;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Snapshot items: a live object (JSON beside its kind) or a tombstone. */
final class SnapshotItems {
  static final String KIND = "kind";
  static final String RESOURCE_VERSION = "rv";
  static final String OBJECT = "object";
  static final String DELETED = "deleted";

  /** Up to 38 digits: what a DynamoDB number holds exactly (etcd revisions are int64). */
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,38}");

  private SnapshotItems() {}

  /**
   * The resourceVersion as a DynamoDB number.
   *
   * @throws IllegalArgumentException naming the object if it is absent or not a number
   */
  static AttributeValue resourceVersion(ObjectKey key, String rv) {
    if (rv == null || !NUMBER.matcher(rv).matches()) {
      throw new IllegalArgumentException(key + ": resourceVersion '" + rv + "' is not a number");
    }
    return AttributeValue.fromN(rv);
  }

  static Map<String, AttributeValue> live(String pk, K8sObject object, AttributeValue rv) {
    Map<String, AttributeValue> item =
        new HashMap<>(StateKeys.key(pk, StateKeys.object(object.key())));
    item.put(KIND, AttributeValue.fromS(object.kind().wireName()));
    item.put(RESOURCE_VERSION, rv);
    item.put(OBJECT, AttributeValue.fromS(toJson(object)));
    if (object instanceof K8sEndpointSlice slice && slice.serviceName() != null) {
      ObjectKey key = slice.key();
      item.put(
          StateTable.LSI1_SK,
          AttributeValue.fromS(
              StateKeys.sliceByService(key.namespace(), slice.serviceName(), key.name())));
    }
    return item;
  }

  static Map<String, AttributeValue> tombstone(
      String pk, ObjectKey key, AttributeValue rv, Instant expiresAt) {
    Map<String, AttributeValue> item = new HashMap<>(StateKeys.key(pk, StateKeys.object(key)));
    item.put(KIND, AttributeValue.fromS(key.kind().wireName()));
    item.put(RESOURCE_VERSION, rv);
    item.put(DELETED, AttributeValue.fromBool(true));
    item.put(
        StateTable.EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
    return item;
  }

  static StoredObject read(Map<String, AttributeValue> item) {
    Kind kind =
        Kind.fromWireName(item.get(KIND).s())
            .orElseThrow(
                () -> new IllegalStateException("unknown kind in " + item.get(StateTable.PK)));
    ObjectKey key = StateKeys.objectKey(kind, item.get(StateTable.SK).s());
    String rv = item.get(RESOURCE_VERSION).n();
    AttributeValue deleted = item.get(DELETED);
    if (deleted != null && Boolean.TRUE.equals(deleted.bool())) {
      return new StoredObject(key, rv, true, null);
    }
    return new StoredObject(key, rv, false, fromJson(kind, item.get(OBJECT).s()));
  }

  private static String toJson(K8sObject object) {
    try {
      return Json.mapper().writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot serialize " + object.key(), e);
    }
  }

  private static K8sObject fromJson(Kind kind, String json) {
    try {
      return Json.mapper().readValue(json, type(kind));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot read a stored " + kind.wireName(), e);
    }
  }

  private static Class<? extends K8sObject> type(Kind kind) {
    return switch (kind) {
      case SERVICE -> K8sService.class;
      case ENDPOINT_SLICE -> K8sEndpointSlice.class;
      case INGRESS -> K8sIngress.class;
      case INGRESS_CLASS -> K8sIngressClass.class;
      case INGRESS_CLASS_PARAMS -> K8sIngressClassParams.class;
      case NODE -> K8sNode.class;
    };
  }
}
