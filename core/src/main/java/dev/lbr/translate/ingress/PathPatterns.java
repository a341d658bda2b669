package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressAnnotation.USE_REGEX_PATH_MATCH;

import dev.lbr.k8s.K8sIngress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ingress paths → ALB {@code path-pattern} values (LBC {@code sortIngressPaths} and {@code
 * buildPathPatterns}).
 */
final class PathPatterns {
  static final String EXACT = "Exact";
  static final String PREFIX = "Prefix";
  static final String IMPLEMENTATION_SPECIFIC = "ImplementationSpecific";

  /** A path's patterns: glob {@code values} or, with regex path matching, {@code regexValues}. */
  record Patterns(List<String> values, List<String> regexValues) {}

  private PathPatterns() {}

  /**
   * Exact paths first (as written), then Prefix paths, longest first (stable), then
   * ImplementationSpecific or untyped paths (as written).
   */
  static List<K8sIngress.Path> sort(Member m, List<K8sIngress.Path> paths) {
    List<K8sIngress.Path> exact = new ArrayList<>();
    List<K8sIngress.Path> prefix = new ArrayList<>();
    List<K8sIngress.Path> other = new ArrayList<>();
    for (K8sIngress.Path p : paths) {
      String type = p.pathType();
      if (type == null || type.equals(IMPLEMENTATION_SPECIFIC)) {
        other.add(p);
      } else if (type.equals(EXACT)) {
        exact.add(p);
      } else if (type.equals(PREFIX)) {
        prefix.add(p);
      } else {
        throw m.annotations().invalid("unknown pathType " + type + " for path " + p.path());
      }
    }
    prefix.sort(Comparator.comparingInt((K8sIngress.Path p) -> length(p)).reversed());
    List<K8sIngress.Path> sorted = new ArrayList<>(exact);
    sorted.addAll(prefix);
    sorted.addAll(other);
    return sorted;
  }

  private static int length(K8sIngress.Path p) {
    return p.path() == null ? 0 : p.path().length();
  }

  /** The patterns of a non-empty path. */
  static Patterns of(Member m, K8sIngress.Path p) {
    String path = p.path();
    String type = p.pathType() == null ? IMPLEMENTATION_SPECIFIC : p.pathType();
    return switch (type) {
      case EXACT -> {
        noWildcards(m, "exact", path);
        yield new Patterns(List.of(path), List.of());
      }
      case PREFIX -> {
        if (path.equals("/")) {
          yield new Patterns(List.of("/*"), List.of());
        }
        noWildcards(m, "prefix", path);
        String normalized = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        yield new Patterns(List.of(normalized, normalized + "/*"), List.of());
      }
      default ->
          m.annotations().bool(USE_REGEX_PATH_MATCH).orElse(false)
              ? new Patterns(List.of(), List.of(path.substring(1)))
              : new Patterns(List.of(path), List.of());
    };
  }

  private static void noWildcards(Member m, String kind, String path) {
    if (path.contains("*") || path.contains("?")) {
      throw m.annotations().invalid(kind + " path shouldn't contain wildcards: " + path);
    }
  }
}
