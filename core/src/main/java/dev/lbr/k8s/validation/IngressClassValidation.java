package dev.lbr.k8s.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/** An IngressClass's spec: the controller (a domain-prefixed path) and the parameters reference. */
final class IngressClassValidation {
  static final int CONTROLLER_MAX = 250;
  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+");

  private IngressClassValidation() {}

  static void validate(Field spec) {
    if (!spec.object()) {
      return;
    }
    Field controller = spec.child("controller");
    controller.text().filter(c -> !c.isEmpty()).ifPresent(c -> controller.check(controller(c)));
    Field parameters = spec.child("parameters");
    if (parameters.object()) {
      parameters.child("kind").requiredText();
      parameters.child("name").requiredText();
      Field group = parameters.child("apiGroup");
      group.text().ifPresent(g -> group.check(Syntax.dns1123Subdomain(g)));
    }
  }

  /** {@code example.com/ingress-controller}: a DNS subdomain, '/', an HTTP path; ≤ 250. */
  static Optional<String> controller(String value) {
    if (value.length() > CONTROLLER_MAX) {
      return Syntax.problem(value, "must be no more than " + CONTROLLER_MAX + " characters");
    }
    int slash = value.indexOf('/');
    if (slash <= 0
        || slash == value.length() - 1
        || Syntax.dns1123Subdomain(value.substring(0, slash)).isPresent()
        || !PATH.matcher(value.substring(slash + 1)).matches()) {
      return Syntax.problem(value, "must be a domain-prefixed path, e.g. 'ingress.k8s.aws/alb'");
    }
    return Optional.empty();
  }
}
