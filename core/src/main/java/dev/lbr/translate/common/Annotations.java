package dev.lbr.translate.common;

import dev.lbr.k8s.K8sObject;
import dev.lbr.model.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Typed reads of one object's annotations under one prefix ({@code service.beta.kubernetes.io/} for
 * Services, {@code alb.ingress.kubernetes.io/} for Ingresses), in LBC's encodings ({@code
 * pkg/annotations/parser.go}): string, bool, int32, stringList {@code "a,b"} and stringMap {@code
 * "k1=v1,k2=v2"}. Every parse error names the object and the full annotation key.
 */
public final class Annotations {
  private static final Pattern INT = Pattern.compile("[+-]?[0-9]+");
  private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
  private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

  private final String object;
  private final String prefix;
  private final Map<String, String> raw;

  /** {@code object}'s annotations whose keys are {@code prefix} + suffix. */
  public Annotations(String object, String prefix, Map<String, String> raw) {
    this.object = object;
    this.prefix = prefix;
    this.raw = raw == null ? Map.of() : raw;
  }

  /** {@code object}'s annotations under {@code prefix}, the object named as events name it. */
  public static Annotations of(K8sObject object, String prefix) {
    return new Annotations(object.key().toString(), prefix, object.metadata().annotations());
  }

  /** The full annotation key of a suffix. */
  public String key(String suffix) {
    return prefix + suffix;
  }

  /** The object the annotations belong to, e.g. {@code Service default/echo}. */
  public String object() {
    return object;
  }

  public boolean has(String suffix) {
    return raw.containsKey(key(suffix));
  }

  public Optional<String> string(String suffix) {
    return Optional.ofNullable(raw.get(key(suffix)));
  }

  /** Go's {@code strconv.ParseBool}: 1, t, T, TRUE, true, True and their false twins. */
  public Optional<Boolean> bool(String suffix) {
    return string(suffix)
        .map(
            v ->
                parseBool(v)
                    .orElseThrow(
                        () ->
                            invalid(
                                suffix,
                                "\"" + v + "\" is not a boolean (expected true or false)")));
  }

  public Optional<Integer> int32(String suffix) {
    return string(suffix).map(v -> parseInt32(v).orElseThrow(() -> notAnInteger(suffix, v)));
  }

  /** Comma-separated, items trimmed, empty items dropped. */
  public Optional<List<String>> stringList(String suffix) {
    return string(suffix).map(Annotations::splitList);
  }

  /**
   * {@code k1=v1,k2=v2}, keys and values trimmed; a comma inside a value is escaped as {@code \,}.
   */
  public Optional<Map<String, String>> stringMap(String suffix) {
    return string(suffix).map(v -> parseStringMap(suffix, v));
  }

  /** Full keys (sorted) of the annotations whose suffix starts with {@code suffixPrefix}. */
  public SortedSet<String> keysStartingWith(String suffixPrefix) {
    String start = key(suffixPrefix);
    TreeSet<String> keys = new TreeSet<>();
    for (String k : raw.keySet()) {
      if (k.startsWith(start)) {
        keys.add(k);
      }
    }
    return Collections.unmodifiableSortedSet(keys);
  }

  /** Suffix of an error about a feature this project does not have yet. */
  public static final String NOT_YET = " is not supported yet";

  /**
   * A table for {@link #refuseAny}: suffix, what it asks for, suffix, what it asks for, … in the
   * order they are checked.
   */
  public static Map<String, String> inOrder(String... suffixesAndWhat) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < suffixesAndWhat.length; i += 2) {
      m.put(suffixesAndWhat[i], suffixesAndWhat[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Refuses the first present annotation of {@code unsupported} (suffix → what it asks for), with
   * "&lt;what&gt; is not supported yet".
   */
  public void refuseAny(Map<String, String> unsupported) {
    unsupported.forEach(
        (suffix, what) -> {
          if (has(suffix)) {
            throw invalid(suffix, what + NOT_YET);
          }
        });
  }

  /** Refuses the first annotation (sorted) whose suffix starts with {@code suffixPrefix}. */
  public void refuseAnyStartingWith(String suffixPrefix, String what) {
    SortedSet<String> keys = keysStartingWith(suffixPrefix);
    if (!keys.isEmpty()) {
      throw new InvalidInputException(object, keys.first(), what + NOT_YET);
    }
  }

  /** An error about one annotation. */
  public InvalidInputException invalid(String suffix, String problem) {
    return new InvalidInputException(object, key(suffix), problem);
  }

  /** An error about the object itself (no annotation at fault). */
  public InvalidInputException invalid(String problem) {
    return new InvalidInputException(object, null, problem);
  }

  private InvalidInputException notAnInteger(String suffix, String value) {
    return invalid(suffix, "\"" + value + "\" is not an integer");
  }

  /** Go's {@code strconv.ParseBool}. */
  public static Optional<Boolean> parseBool(String value) {
    if (TRUE.contains(value)) {
      return Optional.of(true);
    }
    return FALSE.contains(value) ? Optional.of(false) : Optional.empty();
  }

  /** Go's {@code strconv.ParseInt(s, 10, 32)}: optional sign, ASCII digits, 32-bit range. */
  public static Optional<Integer> parseInt32(String value) {
    if (!INT.matcher(value).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public static List<String> splitList(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String item = part.trim();
      if (!item.isEmpty()) {
        out.add(item);
      }
    }
    return List.copyOf(out);
  }

  private Map<String, String> parseStringMap(String suffix, String value) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : splitKeyValuePairs(value)) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? "" : pair.substring(0, eq).trim();
      if (eq < 0 || key.isEmpty()) {
        throw invalid(suffix, "\"" + value + "\" is not a list of key=value pairs");
      }
      out.put(key, pair.substring(eq + 1).trim());
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * LBC's {@code splitKeyValuePairs}: a comma starts a new pair only if an {@code =} follows
   * somewhere after it; {@code \x} is a literal {@code x}.
   */
  public static List<String> splitKeyValuePairs(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        current.append(s.charAt(++i));
      } else if (c == ',') {
        String remaining = s.substring(i + 1).trim();
        if (remaining.contains("=")) {
          out.add(current.toString().trim());
          current.setLength(0);
        } else if (!remaining.isEmpty()) {
          out.add(current.toString().trim());
          out.add(remaining);
          return out;
        } else {
          current.append(c);
        }
      } else {
        current.append(c);
      }
    }
    if (!current.isEmpty()) {
      out.add(current.toString().trim());
    }
    return out;
  }
}
