package dev.lbr.state;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A slightly pessimistic estimate of an item's size as DynamoDB counts it (names plus values; 3
 * bytes per list or map and 1 per element), to fail with a clear message before the 400 KB limit.
 */
final class ItemSize {
  /** DynamoDB's item size limit. */
  static final int LIMIT = 400 * 1024;

  private ItemSize() {}

  static long of(Map<String, AttributeValue> item) {
    long size = 0;
    for (var e : item.entrySet()) {
      size += utf8(e.getKey()) + of(e.getValue());
    }
    return size;
  }

  private static long of(AttributeValue v) {
    return switch (v.type()) {
      case S -> utf8(v.s());
      case N -> v.n().length() / 2 + 2;
      case B -> v.b().asByteArray().length;
      case BOOL, NUL -> 1;
      case SS -> v.ss().stream().mapToLong(s -> utf8(s) + 1).sum();
      case NS -> v.ns().stream().mapToLong(n -> n.length() / 2 + 3).sum();
      case BS -> v.bs().stream().mapToLong(b -> b.asByteArray().length + 1).sum();
      case L -> 3 + v.l().stream().mapToLong(e -> 1 + of(e)).sum();
      case M ->
          3
              + v.m().entrySet().stream()
                  .mapToLong(e -> 1 + utf8(e.getKey()) + of(e.getValue()))
                  .sum();
      case UNKNOWN_TO_SDK_VERSION -> 0;
    };
  }

  private static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
