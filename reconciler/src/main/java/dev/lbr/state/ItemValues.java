package dev.lbr.state;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Optional attributes of a state-table item, read and written the same way by every store. */
final class ItemValues {

  private ItemValues() {}

  /** The string attribute, or null when absent. */
  static String string(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }

  /** The ISO-8601 instant in a string attribute, or null when absent. */
  static Instant instant(Map<String, AttributeValue> item, String name) {
    String s = string(item, name);
    return s == null ? null : Instant.parse(s);
  }

  /** Whether the boolean attribute is present and true. */
  static boolean flag(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v != null && Boolean.TRUE.equals(v.bool());
  }

  /** Sets the string attribute; leaves it absent when {@code value} is null. */
  static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, AttributeValue.fromS(value));
    }
  }

  /** Sets a map-of-strings attribute; leaves it absent when {@code strings} is empty. */
  static void putIfPresent(
      Map<String, AttributeValue> item, String name, Map<String, String> strings) {
    if (!strings.isEmpty()) {
      item.put(name, stringMap(strings));
    }
  }

  /** A map of strings as one attribute value. */
  static AttributeValue stringMap(Map<String, String> strings) {
    Map<String, AttributeValue> m = new HashMap<>();
    strings.forEach((k, v) -> m.put(k, AttributeValue.fromS(v)));
    return AttributeValue.fromM(m);
  }

  /** A map-of-strings attribute, in its order; empty when absent. */
  static Map<String, String> strings(Map<String, AttributeValue> item, String name) {
    Map<String, String> strings = new LinkedHashMap<>();
    AttributeValue v = item.get(name);
    if (v != null) {
      v.m().forEach((k, s) -> strings.put(k, s.s()));
    }
    return strings;
  }
}
