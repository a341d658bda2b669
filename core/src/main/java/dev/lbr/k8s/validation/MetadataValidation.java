package dev.lbr.k8s.validation;

import dev.lbr.k8s.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code metadata}: the name's syntax for the kind, the namespace, label keys and values,
 * annotation keys and their total size.
 */
final class MetadataValidation {
  /** The API server's limit on all annotations of an object together (keys and values). */
  static final int ANNOTATIONS_MAX_BYTES = 256 * 1024;

  private MetadataValidation() {}

  static void validate(Kind kind, Field metadata) {
    if (!metadata.present()) {
      metadata.required();
    }
    if (!metadata.object()) {
      return;
    }
    Field name = metadata.child("name");
    name.requiredText().ifPresent(n -> name.check(name(kind, n)));
    Field namespace = metadata.child("namespace");
    if (kind.namespaced()) {
      namespace.requiredText().ifPresent(n -> namespace.check(Syntax.dns1123Label(n)));
    } else if (namespace.text().filter(n -> !n.isEmpty()).isPresent()) {
      namespace.fail("must be empty: " + kind.wireName() + " is cluster-scoped");
    }
    Field labels = metadata.child("labels");
    for (String key : labels.keys()) {
      Field label = labels.child(key);
      label.check(Syntax.qualifiedName(key));
      label.text().ifPresent(v -> label.check(Syntax.labelValue(v)));
    }
    Field annotations = metadata.child("annotations");
    long bytes = 0;
    for (String key : annotations.keys()) {
      Field annotation = annotations.child(key);
      annotation.check(Syntax.qualifiedName(key.toLowerCase(Locale.ROOT)));
      bytes += key.getBytes(StandardCharsets.UTF_8).length;
      bytes += annotation.text().map(v -> v.getBytes(StandardCharsets.UTF_8).length).orElse(0);
    }
    if (bytes > ANNOTATIONS_MAX_BYTES) {
      annotations.fail(
          "may not have more than " + ANNOTATIONS_MAX_BYTES + " bytes in total, has " + bytes);
    }
  }

  /** The problem with an object name of this kind, if any. */
  static Optional<String> name(Kind kind, String name) {
    return switch (kind) {
      case SERVICE -> Syntax.dns1035Label(name);
      case ENDPOINT_SLICE,
          INGRESS,
          INGRESS_CLASS,
          INGRESS_CLASS_PARAMS,
          NODE,
          TARGET_GROUP_BINDING,
          POD ->
          Syntax.dns1123Subdomain(name);
    };
  }
}
