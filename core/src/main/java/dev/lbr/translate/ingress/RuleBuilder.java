package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressAnnotation.CONDITIONS_PREFIX;

import dev.lbr.k8s.K8sIngress;
import dev.lbr.model.RuleCondition;
import dev.lbr.translate.common.ElbLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One listener's rules (LBC {@code model_build_listener_rules.go}): members in group order, each
 * Ingress's rules in order, each rule's paths sorted; conditions from the host, the path and {@code
 * conditions.<backend>}; then the rule optimizer. Checks ALB's per-rule limits.
 */
final class RuleBuilder {
  static final int MAX_CONDITION_VALUES_PER_RULE = ElbLimits.CONDITION_VALUES_PER_RULE;
  private static final Set<String> AT_MOST_ONCE =
      Set.of("host-header", "path-pattern", "http-request-method", "source-ip");

  private final Backends backends;

  RuleBuilder(Backends backends) {
    this.backends = backends;
  }

  List<RuleDraft> rules(ListenerConfig listener) {
    List<RuleDraft> rules = new ArrayList<>();
    for (Member m : listener.members()) {
      if (m.ingress().spec() == null) {
        continue;
      }
      for (K8sIngress.Rule rule : m.ingress().spec().rules()) {
        if (rule.http() == null) {
          continue;
        }
        for (K8sIngress.Path path : PathPatterns.sort(m, rule.http().paths())) {
          Backends.Resolved backend = backends.resolve(m, path.backend());
          List<RuleCondition> conditions = conditions(m, rule, path, backend);
          rules.add(new RuleDraft(conditions, List.of(backend.action()), m));
        }
      }
    }
    return RuleOptimizer.optimize(listener.port(), listener.protocol(), rules);
  }

  private static List<RuleCondition> conditions(
      Member m, K8sIngress.Rule rule, K8sIngress.Path path, Backends.Resolved backend) {
    List<String> hosts = new ArrayList<>();
    List<String> hostRegex = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    List<String> pathRegex = new ArrayList<>();
    if (rule.host() != null && !rule.host().isEmpty()) {
      hosts.add(rule.host());
      refuse(m, "host " + rule.host(), ConditionValues.value("host-header", rule.host()));
    }
    if (path.path() != null && !path.path().isEmpty()) {
      PathPatterns.Patterns patterns = PathPatterns.of(m, path);
      paths.addAll(patterns.values());
      pathRegex.addAll(patterns.regexValues());
      RuleCondition fromPath =
          new RuleCondition("path-pattern", patterns.values(), patterns.regexValues(), null, null);
      refuse(m, "path " + abbreviated(path.path()), ConditionValues.check(fromPath));
    }
    List<RuleCondition> out = new ArrayList<>();
    for (RuleCondition c : backend.conditions()) {
      switch (c.field()) {
        case "host-header" -> {
          hosts.addAll(orEmpty(c.values()));
          hostRegex.addAll(orEmpty(c.regexValues()));
        }
        case "path-pattern" -> {
          paths.addAll(orEmpty(c.values()));
          pathRegex.addAll(orEmpty(c.regexValues()));
        }
        default -> out.add(c);
      }
    }
    String suffix = backend.conditions().isEmpty() ? null : CONDITIONS_PREFIX + backend.name();
    requireOneKind(m, suffix, "host", hosts, hostRegex);
    requireOneKind(m, suffix, "path", paths, pathRegex);
    addIfAny(out, "host-header", hosts, hostRegex);
    addIfAny(out, "path-pattern", paths, pathRegex);
    if (out.isEmpty()) {
      out.add(new RuleCondition("path-pattern", List.of("/*"), null, null, null));
    }
    checkLimits(m, suffix, out);
    return out;
  }

  /** ALB takes a host or path condition's Values or its RegexValues, not both. */
  private static void requireOneKind(
      Member m, String suffix, String what, List<String> values, List<String> regex) {
    if (!values.isEmpty() && !regex.isEmpty()) {
      throw invalid(
          m,
          suffix,
          what
              + " condition must specify exactly one of Values and RegexValues,"
              + " got both Values "
              + values
              + " and RegexValues "
              + regex);
    }
  }

  private static void addIfAny(
      List<RuleCondition> out, String field, List<String> values, List<String> regex) {
    if (!values.isEmpty()) {
      out.add(new RuleCondition(field, List.copyOf(values), null, null, null));
    }
    if (!regex.isEmpty()) {
      out.add(new RuleCondition(field, null, List.copyOf(regex), null, null));
    }
  }

  /** ALB: at most one host, path, method and source-ip condition, five values in all. */
  private static void checkLimits(Member m, String suffix, List<RuleCondition> conditions) {
    Map<String, Integer> perField = new HashMap<>();
    int values = 0;
    for (RuleCondition c : conditions) {
      if (AT_MOST_ONCE.contains(c.field()) && perField.merge(c.field(), 1, Integer::sum) > 1) {
        throw invalid(m, suffix, "a rule can have at most one " + c.field() + " condition");
      }
      values += orEmpty(c.values()).size() + orEmpty(c.regexValues()).size();
      values += c.queryStrings() == null ? 0 : c.queryStrings().size();
    }
    if (values > MAX_CONDITION_VALUES_PER_RULE) {
      throw invalid(
          m,
          suffix,
          "a rule's conditions have "
              + values
              + " values; ALB allows at most "
              + MAX_CONDITION_VALUES_PER_RULE
              + " per rule (a Prefix path counts twice: /p and /p/*)");
    }
  }

  /** A value the Ingress's spec gives ELBv2 cannot take: names the Ingress and the value. */
  private static void refuse(Member m, String what, Optional<String> problem) {
    problem.ifPresent(
        p -> {
          throw m.annotations().invalid("spec.rules " + what + ": " + p);
        });
  }

  private static String abbreviated(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  private static RuntimeException invalid(Member m, String suffix, String problem) {
    return suffix == null
        ? m.annotations().invalid(problem)
        : m.annotations().invalid(suffix, problem);
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }
}
