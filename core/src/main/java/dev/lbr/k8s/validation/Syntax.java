package dev.lbr.k8s.validation;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The syntax rules of Kubernetes names and values, as kube-apiserver applies them. Each returns the
 * problem with a value (quoted), or empty when it is valid.
 */
final class Syntax {
  static final int LABEL_MAX = 63;
  static final int SUBDOMAIN_MAX = 253;

  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern QUALIFIED_NAME_PART =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern IANA_SVC_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
  private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");

  private Syntax() {}

  /** RFC 1123 label: namespaces, port names. */
  static Optional<String> dns1123Label(String value) {
    return bounded(
        value,
        LABEL_MAX,
        DNS1123_LABEL.asMatchPredicate(),
        "must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with"
            + " a letter or digit");
  }

  /** RFC 1035 label: Service names. */
  static Optional<String> dns1035Label(String value) {
    return bounded(
        value,
        LABEL_MAX,
        DNS1035_LABEL.asMatchPredicate(),
        "must be a DNS-1035 label: lower-case letters, digits and '-', starting with a letter"
            + " and ending with a letter or digit");
  }

  /** RFC 1123 subdomain: dot-separated DNS-1123 labels, at most 253 characters. */
  static Optional<String> dns1123Subdomain(String value) {
    return bounded(
        value,
        SUBDOMAIN_MAX,
        Syntax::isSubdomain,
        "must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', each"
            + " dot-separated part starting and ending with a letter or digit");
  }

  /** A host name that may start with a {@code *.} wildcard label (Ingress hosts). */
  static Optional<String> wildcardSubdomain(String value) {
    if (!value.contains("*")) {
      return dns1123Subdomain(value);
    }
    String rest = value.startsWith("*.") ? value.substring(2) : "";
    if (rest.isEmpty()
        || rest.contains("*")
        || value.length() > SUBDOMAIN_MAX
        || !isSubdomain(rest)) {
      return problem(
          value,
          "must be a DNS-1123 subdomain, with a wildcard only as the whole first label"
              + " ('*.example.com')");
    }
    return Optional.empty();
  }

  /** A label or annotation key: an optional DNS subdomain prefix and '/', then a name ≤ 63. */
  static Optional<String> qualifiedName(String value) {
    String name = value;
    int slash = value.indexOf('/');
    if (slash >= 0) {
      String prefix = value.substring(0, slash);
      name = value.substring(slash + 1);
      if (prefix.isEmpty()) {
        return problem(value, "has an empty prefix before '/'");
      }
      if (prefix.length() > SUBDOMAIN_MAX || !isSubdomain(prefix)) {
        return problem(value, "must have a DNS-1123 subdomain as its prefix before '/'");
      }
    }
    if (name.isEmpty()) {
      return problem(value, "must have a name (after the prefix, if any)");
    }
    if (name.length() > LABEL_MAX) {
      return problem(value, "has a name part longer than " + LABEL_MAX + " characters");
    }
    if (!QUALIFIED_NAME_PART.matcher(name).matches()) {
      return problem(
          value,
          "must be a qualified name: letters, digits, '-', '_' and '.', starting and ending with a"
              + " letter or digit, with an optional DNS subdomain prefix and '/'");
    }
    return Optional.empty();
  }

  /** A label value: empty, or at most 63 letters, digits, '-', '_', '.' (alphanumeric ends). */
  static Optional<String> labelValue(String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    return bounded(
        value,
        LABEL_MAX,
        QUALIFIED_NAME_PART.asMatchPredicate(),
        "must be a label value: letters, digits, '-', '_' and '.', starting and ending with a"
            + " letter or digit");
  }

  /** A port number: 1–65535. */
  static Optional<String> portNumber(int value) {
    return value >= 1 && value <= 65535
        ? Optional.empty()
        : Optional.of(value + " must be between 1 and 65535");
  }

  /** A named port (IANA_SVC_NAME): ≤ 15 of [a-z0-9-], a letter among them, no '--'. */
  static Optional<String> portName(String value) {
    Optional<String> shape =
        bounded(
            value,
            15,
            IANA_SVC_NAME.asMatchPredicate(),
            "must be a port name (IANA_SVC_NAME): lower-case letters, digits and '-', starting and"
                + " ending with a letter or digit");
    if (shape.isPresent()) {
      return shape;
    }
    if (value.contains("--")) {
      return problem(value, "must not contain '--' (IANA_SVC_NAME)");
    }
    if (!HAS_LETTER.matcher(value).matches()) {
      return problem(value, "must contain at least one letter (IANA_SVC_NAME)");
    }
    return Optional.empty();
  }

  /** Whether the value is one of {@code allowed}, named in the problem if not. */
  static Optional<String> oneOf(String value, java.util.List<String> allowed) {
    return allowed.contains(value)
        ? Optional.empty()
        : problem(value, "is not supported; supported values: " + String.join(", ", allowed));
  }

  static Optional<String> problem(String value, String what) {
    return Optional.of(Quote.of(value) + " " + what);
  }

  /** No longer than {@code max} characters (checked first), then {@code what} unless valid. */
  private static Optional<String> bounded(
      String value, int max, Predicate<String> valid, String what) {
    if (value.length() > max) {
      return tooLong(value, max);
    }
    return valid.test(value) ? Optional.empty() : problem(value, what);
  }

  private static Optional<String> tooLong(String value, int max) {
    return problem(value, "must be no more than " + max + " characters");
  }

  private static boolean isSubdomain(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (String label : value.split("\\.", -1)) {
      if (!DNS1123_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }
}
