package dev.lbr.aws;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The key-value lists of the AWS APIs (tags, attributes) as sorted maps, and back. */
final class KeyValues {
  private KeyValues() {}

  /** Sorted by key; a null value reads as empty. */
  static <T> Map<String, String> toMap(
      Collection<T> pairs, Function<T, String> key, Function<T, String> value) {
    Map<String, String> map = new TreeMap<>();
    pairs.forEach(p -> map.put(key.apply(p), value.apply(p) == null ? "" : value.apply(p)));
    return map;
  }

  /** Sorted by key, so requests are deterministic. */
  static <T> List<T> toList(Map<String, String> map, BiFunction<String, String, T> pair) {
    return new TreeMap<>(map)
        .entrySet().stream().map(e -> pair.apply(e.getKey(), e.getValue())).toList();
  }
}
