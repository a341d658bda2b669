package dev.lbr.k8s.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * A field of a projected object, by path, with typed reads that record a schema error (wrong JSON
 * type) instead of failing, so every problem of an object is reported at once. Absent and {@code
 * null} are the same, as for the API server.
 */
final class Field {
  private final JsonNode value;
  private final String path;
  private final List<FieldError> errors;

  private Field(JsonNode value, String path, List<FieldError> errors) {
    this.value = value == null || value.isNull() || value.isMissingNode() ? null : value;
    this.path = path;
    this.errors = errors;
  }

  /** The object itself, collecting into {@code errors}. */
  static Field root(JsonNode object, List<FieldError> errors) {
    return new Field(object, "", errors);
  }

  Field child(String name) {
    JsonNode child = value != null && value.isObject() ? value.get(name) : null;
    return new Field(child, path.isEmpty() ? name : path + "." + name, errors);
  }

  String path() {
    return path;
  }

  boolean present() {
    return value != null;
  }

  /** Records a problem of this field. */
  void fail(String problem) {
    errors.add(new FieldError(path, problem));
  }

  /** Records the syntax problem of a value, if any. */
  void check(Optional<String> problem) {
    problem.ifPresent(this::fail);
  }

  void required() {
    fail("required value");
  }

  /** The string, when present and a string; a schema error otherwise. */
  Optional<String> text() {
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      fail("must be a string, got " + shown());
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  /**
   * A non-empty string; "required value" when absent or empty, a schema error when not a string.
   */
  Optional<String> requiredText() {
    Optional<String> text = text();
    if (text.isEmpty() && value == null || text.filter(String::isEmpty).isPresent()) {
      required();
    }
    return text.filter(t -> !t.isEmpty());
  }

  /** A 32-bit integer, when present and one; a schema error otherwise. */
  OptionalInt integer() {
    if (value == null) {
      return OptionalInt.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      fail("must be an integer, got " + shown());
      return OptionalInt.empty();
    }
    return OptionalInt.of(value.intValue());
  }

  /** A boolean, when present; a schema error when not one. */
  void bool() {
    if (value != null && !value.isBoolean()) {
      fail("must be a boolean, got " + shown());
    }
  }

  /** True when present and a JSON object; a schema error when present and not one. */
  boolean object() {
    if (value != null && !value.isObject()) {
      fail("must be an object, got " + shown());
      return false;
    }
    return value != null;
  }

  /** The items of a list (none when absent); a schema error when not a list. */
  List<Field> items() {
    List<Field> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    if (!value.isArray()) {
      fail("must be a list, got " + shown());
      return out;
    }
    for (int i = 0; i < value.size(); i++) {
      out.add(new Field(value.get(i), path + "[" + i + "]", errors));
    }
    return out;
  }

  /** The keys of a map (none when absent); a schema error when not an object. */
  List<String> keys() {
    List<String> out = new ArrayList<>();
    if (value != null && object()) {
      value.fieldNames().forEachRemaining(out::add);
    }
    return out;
  }

  /** Checks each string of a list with {@code problem}. */
  List<String> texts(Function<String, Optional<String>> problem) {
    List<String> out = new ArrayList<>();
    for (Field item : items()) {
      item.text()
          .ifPresent(
              text -> {
                out.add(text);
                item.check(problem.apply(text));
              });
    }
    return out;
  }

  /** Whether this field's value is a JSON string (vs. a number), for IntOrString fields. */
  boolean isText() {
    return value != null && value.isTextual();
  }

  /** Whether this field's value is a JSON number. */
  boolean isNumber() {
    return value != null && value.isNumber();
  }

  /** The value as the API server would quote it in an error. */
  String shown() {
    if (value == null) {
      return "null";
    }
    if (value.isTextual()) {
      return Quote.of(value.asText());
    }
    String type = value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    return value.isValueNode() ? type + " " + value : type;
  }
}
