package dev.lbr.plan;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Normalisation rules shared by the planners: null equals empty, protocols ignore case. */
final class Semantics {
  private Semantics() {}

  static boolean isBlank(String s) {
    return s == null || s.isEmpty();
  }

  /** Null and empty are the same text. */
  static boolean sameText(String a, String b) {
    return Objects.equals(isBlank(a) ? "" : a, isBlank(b) ? "" : b);
  }

  static boolean sameIgnoreCase(String a, String b) {
    return upper(a).equals(upper(b));
  }

  /** Upper-cased, null as empty: the form protocols and enum-like values are compared in. */
  static String upper(String s) {
    return s == null ? "" : s.toUpperCase(Locale.ROOT);
  }

  /** A desired value that is unset means "leave it as it is". */
  static boolean driftedIfSet(String desired, String actual) {
    return !isBlank(desired) && !sameText(desired, actual);
  }

  /**
   * The desired attributes whose value differs from the actual one, in key order. Keys AWS returns
   * that we do not set are ignored (LBC's attribute reconcilers).
   */
  static Map<String, String> changedAttributes(
      Map<String, String> desired, Map<String, String> actual) {
    Map<String, String> changed = new TreeMap<>();
    desired.forEach(
        (key, value) -> {
          if (!Objects.equals(value, actual.get(key))) {
            changed.put(key, value);
          }
        });
    return Collections.unmodifiableMap(changed);
  }

  /** An unmodifiable copy in key order, so plans print and compare the same way every time. */
  static Map<String, String> sorted(Map<String, String> map) {
    return Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
