package dev.lbr.translate.ingress;

import dev.lbr.model.RuleCondition;
import dev.lbr.translate.common.ElbLimits;
import dev.lbr.translate.common.ElbValues;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values of a rule condition as ELBv2 takes them (the {@code *ConditionConfig} limits): at most
 * 128 characters each; host names of letters, digits, {@code - . * ?}; path patterns of letters,
 * digits and {@code _ - . $ / ~ " ' @ : + & * ?}; header names of at most 40 token characters;
 * methods of at most 40 {@code A-Z _ -}; source IPs as CIDRs. Regex values are checked for length
 * only. Each check returns the problem, or empty.
 */
final class ConditionValues {
  static final int NAME_LENGTH = 40;
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9\\-.*?]+");
  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_\\-.$/~\"'@:+&*?]+");
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+\\-.^_`|~]+");
  private static final Pattern METHOD = Pattern.compile("[A-Z_\\-]+");

  private ConditionValues() {}

  /** The first problem of a condition, or empty. */
  static Optional<String> check(RuleCondition c) {
    String field = c.field();
    for (String v : orEmpty(c.regexValues())) {
      Optional<String> p = length(field + " regex value", v);
      if (p.isPresent()) {
        return p;
      }
    }
    if (c.httpHeaderName() != null) {
      if (c.httpHeaderName().isEmpty()
          || c.httpHeaderName().length() > NAME_LENGTH
          || !HEADER_NAME.matcher(c.httpHeaderName()).matches()) {
        return Optional.of(
            "http header name \""
                + c.httpHeaderName()
                + "\" must be 1 to "
                + NAME_LENGTH
                + " token characters (letters, digits and !#$%&'*+-.^_`|~)");
      }
    }
    if (c.queryStrings() != null) {
      for (RuleCondition.QueryString q : c.queryStrings()) {
        Optional<String> p =
            q.key() == null ? Optional.empty() : length("query-string key", q.key());
        if (p.isEmpty()) {
          p = length("query-string value", q.value());
        }
        if (p.isPresent()) {
          return p;
        }
      }
    }
    for (String v : orEmpty(c.values())) {
      Optional<String> p = value(field, v);
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }

  /** One plain value of a condition on {@code field}. */
  static Optional<String> value(String field, String v) {
    return switch (field) {
      case "source-ip" -> ElbValues.cidr(v).map(p -> "source-ip value " + p);
      case "http-request-method" ->
          v.length() <= NAME_LENGTH && METHOD.matcher(v).matches()
              ? Optional.empty()
              : Optional.of(
                  "http-request-method \""
                      + v
                      + "\" must be 1 to "
                      + NAME_LENGTH
                      + " characters of A-Z, _ and - (e.g. GET)");
      case "host-header" ->
          length(field + " value", v)
              .or(() -> chars(field, v, HOST, "letters, digits and - . * ?"));
      case "path-pattern" ->
          length(field + " value", v)
              .or(() -> chars(field, v, PATH, "letters, digits and _ - . $ / ~ \" ' @ : + & * ?"));
      default -> length(field + " value", v);
    };
  }

  private static Optional<String> length(String what, String v) {
    if (v.length() <= ElbLimits.CONDITION_VALUE_LENGTH) {
      return Optional.empty();
    }
    return Optional.of(
        what
            + " \""
            + v.substring(0, 20)
            + "...\" is "
            + v.length()
            + " characters long; ALB allows at most "
            + ElbLimits.CONDITION_VALUE_LENGTH);
  }

  private static Optional<String> chars(String field, String v, Pattern allowed, String what) {
    return allowed.matcher(v).matches()
        ? Optional.empty()
        : Optional.of(field + " value \"" + v + "\" may contain only " + what);
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }
}
