package dev.lbr.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.k8s.validation.FieldError;
import dev.lbr.k8s.validation.ObjectValidation;
import java.util.List;

/** Reads the detail of an object event (after the envelope checks). */
final class ObjectDetailReader {

  private ObjectDetailReader() {}

  static ObjectEvent read(Kind kind, DetailFields detail, String cluster) {
    String opName = detail.requiredText("operation");
    Operation op =
        Operation.fromWireName(opName)
            .orElseThrow(
                () ->
                    detail.fail(
                        detail.path("operation")
                            + " must be 'upsert' or 'delete', got '"
                            + opName
                            + "'"));
    String name = detail.requiredText("name");
    String namespace = detail.optionalText("namespace");
    if (kind.namespaced() && namespace.isEmpty()) {
      throw detail.missing("namespace");
    }
    if (!kind.namespaced() && !namespace.isEmpty()) {
      throw detail.fail(
          kind.wireName()
              + " is cluster-scoped: "
              + detail.path("namespace")
              + " must be empty, got '"
              + namespace
              + "'");
    }
    String uid = detail.optionalText("uid");
    String rv = detail.requiredText("resourceVersion");
    if (!ResourceVersion.isValid(rv)) {
      throw detail.fail(
          detail.path("resourceVersion") + " must be a string of digits, got '" + rv + "'");
    }
    ObjectKey key = new ObjectKey(kind, namespace, name);
    List<FieldError> nameErrors = ObjectValidation.nameErrors(kind, namespace, name);
    if (!nameErrors.isEmpty()) {
      throw detail.fail(FieldError.join(nameErrors));
    }
    JsonNode objectNode = detail.optionalObject("object");
    if (objectNode == null) {
      if (op == Operation.UPSERT) {
        throw detail.fail(
            "missing required field " + detail.path("object") + " (an upsert carries the object)");
      }
      return new ObjectEvent(cluster, key, op, uid, rv, null);
    }
    K8sObject object = object(kind, detail.nested("object", objectNode), key, uid, rv);
    if (uid.isEmpty() && object.metadata().uid() != null) {
      uid = object.metadata().uid();
    }
    return new ObjectEvent(cluster, key, op, uid, rv, object);
  }

  /** The object, checked against the detail's identity; its resourceVersion filled in if absent. */
  private static K8sObject object(
      Kind kind, DetailFields object, ObjectKey key, String uid, String rv) {
    String objectKind = object.optionalText("kind");
    if (!objectKind.isEmpty() && !objectKind.equals(kind.wireName())) {
      throw object.fail(
          object.path("kind")
              + " '"
              + objectKind
              + "' disagrees with detail.kind '"
              + kind.wireName()
              + "'");
    }
    DetailFields meta = object.nested("metadata", object.requiredObject("metadata"));
    agree(meta, "name", meta.requiredText("name"), "detail.name", key.name());
    agree(meta, "namespace", meta.optionalText("namespace"), "detail.namespace", key.namespace());
    String objectRv = meta.optionalText("resourceVersion");
    if (!objectRv.isEmpty()) {
      agree(meta, "resourceVersion", objectRv, "detail.resourceVersion", rv);
    }
    String objectUid = meta.optionalText("uid");
    if (!objectUid.isEmpty() && !uid.isEmpty()) {
      agree(meta, "uid", objectUid, "detail.uid", uid);
    }
    ObjectNode withRv = object.node().deepCopy();
    ((ObjectNode) withRv.get("metadata")).put("resourceVersion", rv);
    List<FieldError> errors = ObjectValidation.errors(kind, withRv);
    if (!errors.isEmpty()) {
      throw object.fail(FieldError.join(errors));
    }
    try {
      return Projection.toObject(kind, withRv);
    } catch (IllegalArgumentException e) {
      throw new InvalidEventException(object.subject(), "detail.object " + e.getMessage(), e);
    }
  }

  private static void agree(
      DetailFields meta, String field, String value, String otherPath, String other) {
    if (!value.equals(other)) {
      throw meta.fail(
          meta.path(field) + " '" + value + "' disagrees with " + otherPath + " '" + other + "'");
    }
  }
}
