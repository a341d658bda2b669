package dev.lbr.translate.ingress;

import dev.lbr.model.Action;
import dev.lbr.model.RuleCondition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * LBC's {@code rule_optimizer.go}, kept for the legacy {@code actions.ssl-redirect} pattern: drops
 * redirect rules that would redirect to themselves (same port and protocol), then rules shadowed by
 * an earlier redirect rule whose host and path conditions are a superset of theirs.
 */
final class RuleOptimizer {
  private RuleOptimizer() {}

  static List<RuleDraft> optimize(int port, String protocol, List<RuleDraft> rules) {
    List<RuleDraft> kept = new ArrayList<>();
    for (RuleDraft r : rules) {
      if (!isInfiniteRedirect(port, protocol, r)) {
        kept.add(r);
      }
    }
    List<RuleDraft> out = new ArrayList<>();
    for (RuleDraft r : kept) {
      boolean shadowed =
          out.stream()
              .anyMatch(
                  earlier ->
                      redirect(earlier) != null
                          && isSuperset(earlier.conditions(), r.conditions()));
      if (!shadowed) {
        out.add(r);
      }
    }
    return out;
  }

  private static Action.Redirect redirect(RuleDraft r) {
    for (Action a : r.actions()) {
      if (a instanceof Action.Redirect redirect) {
        return redirect;
      }
    }
    return null;
  }

  private static boolean isInfiniteRedirect(int port, String protocol, RuleDraft r) {
    Action.Redirect redirect = redirect(r);
    if (redirect == null) {
      return false;
    }
    Set<String> hosts = new HashSet<>();
    Set<String> paths = new HashSet<>();
    for (RuleCondition c : r.conditions()) {
      if (c.field().equals("host-header")) {
        hosts.addAll(values(c.values()));
      } else if (c.field().equals("path-pattern")) {
        if (!values(c.regexValues()).isEmpty()) {
          return false;
        }
        paths.addAll(values(c.values()));
      }
    }
    return sameOr(redirect.host(), "#{host}", hosts)
        && sameOr(redirect.path(), "/#{path}", paths)
        && sameOr(redirect.port(), "#{port}", Set.of(Integer.toString(port)))
        && sameOr(redirect.protocol(), "#{protocol}", Set.of(protocol))
        && (redirect.query() == null || redirect.query().equals("#{query}"));
  }

  /** An unset redirect field keeps the request's value; so does its placeholder. */
  private static boolean sameOr(String value, String placeholder, Set<String> request) {
    return value == null || value.equals(placeholder) || request.contains(value);
  }

  /** Whether {@code lhs}'s host and path conditions match everything {@code rhs}'s do. */
  private static boolean isSuperset(List<RuleCondition> lhs, List<RuleCondition> rhs) {
    Set<String> lhsHosts = new HashSet<>();
    Set<String> lhsPaths = new HashSet<>();
    for (RuleCondition c : lhs) {
      switch (c.field()) {
        case "host-header" -> lhsHosts.addAll(values(c.values()));
        case "path-pattern" -> lhsPaths.addAll(pathValues(c));
        default -> {
          return false;
        }
      }
    }
    Set<String> rhsHosts = new HashSet<>();
    Set<String> rhsPaths = new HashSet<>();
    for (RuleCondition c : rhs) {
      if (c.field().equals("host-header")) {
        rhsHosts.addAll(values(c.values()));
      } else if (c.field().equals("path-pattern")) {
        rhsPaths.addAll(pathValues(c));
      }
    }
    boolean hosts = lhsHosts.isEmpty() || (!rhsHosts.isEmpty() && lhsHosts.containsAll(rhsHosts));
    boolean paths =
        lhsPaths.isEmpty()
            || lhsPaths.contains("/*")
            || (!rhsPaths.isEmpty() && lhsPaths.containsAll(rhsPaths));
    return hosts && paths;
  }

  private static List<String> pathValues(RuleCondition c) {
    return values(c.regexValues()).isEmpty() ? values(c.values()) : values(c.regexValues());
  }

  private static List<String> values(List<String> values) {
    return values == null ? List.of() : values;
  }
}
