package dev.lbr.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sObject;
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
  static final String UID = "uid";
  static final String STORED_AT = "storedAt";
  static final String PROVISIONAL_SINCE = "provisionalSince";
  static final String PROVISIONAL_RV = "provisionalRv";
  static final String SUSPECT = "suspect";

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

  static Map<String, AttributeValue> live(
      String pk, K8sObject object, AttributeValue rv, Instant storedAt) {
    Map<String, AttributeValue> item =
        new HashMap<>(StateKeys.key(pk, StateKeys.object(object.key())));
    item.put(KIND, AttributeValue.fromS(object.kind().wireName()));
    item.put(RESOURCE_VERSION, rv);
    item.put(STORED_AT, AttributeValue.fromS(storedAt.toString()));
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
      String pk,
      ObjectKey key,
      AttributeValue rv,
      String uid,
      Instant storedAt,
      Instant expiresAt) {
    Map<String, AttributeValue> item = new HashMap<>(StateKeys.key(pk, StateKeys.object(key)));
    item.put(KIND, AttributeValue.fromS(key.kind().wireName()));
    item.put(RESOURCE_VERSION, rv);
    item.put(DELETED, AttributeValue.fromBool(true));
    item.put(STORED_AT, AttributeValue.fromS(storedAt.toString()));
    if (uid != null && !uid.isEmpty()) {
      item.put(UID, AttributeValue.fromS(uid));
    }
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
    if (ItemValues.flag(item, DELETED)) {
      return new StoredObject(key, rv, true, null, marks(item));
    }
    return new StoredObject(key, rv, false, fromJson(kind, item.get(OBJECT).s()), marks(item));
  }

  private static SnapshotStore.Marks marks(Map<String, AttributeValue> item) {
    SnapshotStore.Marks marks =
        new SnapshotStore.Marks(
            ItemValues.string(item, UID),
            ItemValues.instant(item, STORED_AT),
            ItemValues.instant(item, PROVISIONAL_SINCE),
            item.containsKey(PROVISIONAL_RV) ? item.get(PROVISIONAL_RV).n() : null,
            ItemValues.flag(item, SUSPECT));
    return marks.equals(SnapshotStore.Marks.NONE) ? SnapshotStore.Marks.NONE : marks;
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
      return Json.mapper().readValue(json, kind.recordType());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot read a stored " + kind.wireName(), e);
    }
  }
}
