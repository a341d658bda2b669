package dev.lbr.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed, named access to the fields of one JSON object of an event, failing with {@link
 * InvalidEventException}s that name the event's subject and the field's full path.
 */
record DetailFields(JsonNode node, String prefix, String subject) {

  /** A required non-empty string. */
  String requiredText(String field) {
    JsonNode value = present(field);
    if (value == null) {
      throw missing(field);
    }
    if (!value.isTextual()) {
      throw fail(path(field) + " must be a string, got " + value.getNodeType());
    }
    if (value.asText().isEmpty()) {
      throw missing(field);
    }
    return value.asText();
  }

  /** An optional string; empty when absent or null. */
  String optionalText(String field) {
    JsonNode value = present(field);
    if (value == null) {
      return "";
    }
    if (!value.isTextual()) {
      throw fail(path(field) + " must be a string, got " + value.getNodeType());
    }
    return value.asText();
  }

  int requiredInt(String field) {
    JsonNode value = present(field);
    if (value == null) {
      throw missing(field);
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw fail(path(field) + " must be an integer, got " + value);
    }
    return value.asInt();
  }

  JsonNode requiredObject(String field) {
    JsonNode value = present(field);
    if (value == null) {
      throw missing(field);
    }
    return object(field, value);
  }

  /** An optional JSON object; null when absent or null. */
  JsonNode optionalObject(String field) {
    JsonNode value = present(field);
    return value == null ? null : object(field, value);
  }

  /** The accessor for a nested object. */
  DetailFields nested(String field, JsonNode value) {
    return new DetailFields(value, path(field) + ".", subject);
  }

  String path(String field) {
    return prefix + field;
  }

  InvalidEventException missing(String field) {
    return fail("missing required field " + path(field));
  }

  InvalidEventException fail(String problem) {
    return new InvalidEventException(subject, problem);
  }

  private JsonNode object(String field, JsonNode value) {
    if (!value.isObject()) {
      throw fail(path(field) + " must be a JSON object, got " + value.getNodeType());
    }
    return value;
  }

  private JsonNode present(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }
}
