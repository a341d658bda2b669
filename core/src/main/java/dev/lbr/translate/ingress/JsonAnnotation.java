package dev.lbr.translate.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.Json;
import dev.lbr.model.InvalidInputException;
import dev.lbr.translate.common.Annotations;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads one JSON annotation ({@code actions.*}, {@code conditions.*}) the way LBC's Go {@code
 * json.Unmarshal} does: object keys match case-insensitively (an exact match first), unknown keys
 * are ignored, a value of the wrong JSON type is an error. Every error names the Ingress and the
 * annotation.
 */
final class JsonAnnotation {
  private final Annotations annotations;
  private final String suffix;

  JsonAnnotation(Annotations annotations, String suffix) {
    this.annotations = annotations;
    this.suffix = suffix;
  }

  /** The parsed value; empty when the annotation is absent. */
  Optional<JsonNode> parse() {
    Optional<String> raw = annotations.string(suffix);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode node = Json.mapper().readTree(raw.get());
      if (node == null || node.isMissingNode()) {
        throw invalid("failed to parse json annotation: empty value");
      }
      return Optional.of(node);
    } catch (IOException e) {
      throw invalid("failed to parse json annotation: " + ListenPorts.brief(e));
    }
  }

  InvalidInputException invalid(String problem) {
    return annotations.invalid(suffix, problem);
  }

  /** The field named {@code name} (exact, else ignoring case); null when absent or JSON null. */
  static JsonNode field(JsonNode object, String name) {
    if (object == null || !object.isObject()) {
      return null;
    }
    JsonNode exact = object.get(name);
    if (exact != null) {
      return exact.isNull() ? null : exact;
    }
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String candidate = names.next();
      if (candidate.equalsIgnoreCase(name)) {
        JsonNode value = object.get(candidate);
        return value.isNull() ? null : value;
      }
    }
    return null;
  }

  JsonNode object(JsonNode parent, String name, String path) {
    JsonNode node = field(parent, name);
    if (node != null && !node.isObject()) {
      throw invalid(path + " must be a JSON object");
    }
    return node;
  }

  Optional<String> text(JsonNode parent, String name, String path) {
    return ofKind(parent, name, path, STRING);
  }

  Optional<Integer> int32(JsonNode parent, String name, String path) {
    return ofKind(parent, name, path, INT32);
  }

  Optional<Boolean> bool(JsonNode parent, String name, String path) {
    return ofKind(parent, name, path, BOOLEAN);
  }

  /** A list of strings; empty when absent. */
  List<String> strings(JsonNode parent, String name, String path) {
    return list(parent, name, path, STRINGS);
  }

  /** A list of objects; empty when absent. */
  List<JsonNode> objects(JsonNode parent, String name, String path) {
    return list(parent, name, path, OBJECTS);
  }

  /**
   * A kind of JSON value: how to tell it, how an error names it, and its value.
   *
   * @param name e.g. {@code a string}; for the items of a list, plural ({@code strings})
   */
  private record Kind<T>(Predicate<JsonNode> is, String name, Function<JsonNode, T> value) {}

  private static final Kind<String> STRING =
      new Kind<>(JsonNode::isTextual, "a string", JsonNode::asText);
  private static final Kind<Integer> INT32 =
      new Kind<>(
          n -> n.isIntegralNumber() && n.canConvertToInt(), "an integer", JsonNode::intValue);
  private static final Kind<Boolean> BOOLEAN =
      new Kind<>(JsonNode::isBoolean, "true or false", JsonNode::booleanValue);
  private static final Kind<String> STRINGS =
      new Kind<>(JsonNode::isTextual, "strings", JsonNode::asText);
  private static final Kind<JsonNode> OBJECTS = new Kind<>(JsonNode::isObject, "objects", n -> n);

  /** The field's value when it is present and of its kind; refused when it is not. */
  private <T> Optional<T> ofKind(JsonNode parent, String name, String path, Kind<T> kind) {
    JsonNode node = field(parent, name);
    if (node == null) {
      return Optional.empty();
    }
    if (!kind.is().test(node)) {
      throw invalid(path + " must be " + kind.name() + ", got " + node);
    }
    return Optional.of(kind.value().apply(node));
  }

  /** A list whose every item is of its kind; empty when absent, refused otherwise. */
  private <T> List<T> list(JsonNode parent, String name, String path, Kind<T> items) {
    Kind<JsonNode> list = new Kind<>(JsonNode::isArray, "a list of " + items.name(), n -> n);
    JsonNode node = ofKind(parent, name, path, list).orElse(null);
    List<T> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    for (JsonNode item : node) {
      if (!items.is().test(item)) {
        throw invalid(path + " must be " + list.name() + ", got " + node);
      }
      out.add(items.value().apply(item));
    }
    return out;
  }
}
