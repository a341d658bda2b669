package dev.lbr.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Desired and actual resources paired by key, in key order: java-operator-sdk's (matched,
 * only-desired, only-actual). Keys must be unique on each side.
 */
record Matches<D, A>(List<Pair<D, A>> matched, List<D> onlyDesired, List<A> onlyActual) {

  record Pair<D, A>(D desired, A actual) {}

  static <K extends Comparable<K>, D, A> Matches<D, A> byKey(
      Collection<D> desired,
      Function<D, K> desiredKey,
      Collection<A> actual,
      Function<A, K> actualKey) {
    Map<K, D> desiredByKey = index(desired, desiredKey);
    Map<K, A> actualByKey = index(actual, actualKey);
    List<Pair<D, A>> matched = new ArrayList<>();
    List<D> onlyDesired = new ArrayList<>();
    List<A> onlyActual = new ArrayList<>();
    desiredByKey.forEach(
        (key, d) -> {
          A a = actualByKey.get(key);
          if (a == null) {
            onlyDesired.add(d);
          } else {
            matched.add(new Pair<>(d, a));
          }
        });
    actualByKey.forEach(
        (key, a) -> {
          if (!desiredByKey.containsKey(key)) {
            onlyActual.add(a);
          }
        });
    return new Matches<>(List.copyOf(matched), List.copyOf(onlyDesired), List.copyOf(onlyActual));
  }

  /** The values of {@code from} whose keys {@code other} lacks, in {@code from}'s order. */
  static <K, V> List<V> absentFrom(Map<K, V> from, Map<K, ?> other) {
    return from.entrySet().stream()
        .filter(e -> !other.containsKey(e.getKey()))
        .map(Map.Entry::getValue)
        .toList();
  }

  private static <K extends Comparable<K>, T> Map<K, T> index(
      Collection<T> items, Function<T, K> key) {
    Map<K, T> byKey = new TreeMap<>();
    for (T item : items) {
      if (byKey.put(key.apply(item), item) != null) {
        throw new IllegalArgumentException("duplicate key " + key.apply(item));
      }
    }
    return byKey;
  }
}
