package dev.lbr.k8s.validation;

/**
 * A Pod's projected fields: the types, readiness gates' condition types as the API server checks
 * them (qualified names), and the pod IP.
 */
final class PodValidation {
  private PodValidation() {}

  static void validate(Field pod) {
    Field spec = pod.child("spec");
    if (spec.object()) {
      spec.child("nodeName").text();
      for (Field gate : spec.child("readinessGates").items()) {
        if (gate.object()) {
          Field type = gate.child("conditionType");
          type.requiredText().ifPresent(t -> type.check(Syntax.qualifiedName(t)));
        }
      }
    }
    Field status = pod.child("status");
    if (status.object()) {
      Field ip = status.child("podIP");
      ip.text()
          .ifPresent(
              v ->
                  ip.check(
                      IpAddresses.isIp(v)
                          ? java.util.Optional.empty()
                          : java.util.Optional.of("must be a valid IP address")));
      for (Field condition : status.child("conditions").items()) {
        if (condition.object()) {
          condition.child("type").requiredText();
          condition.child("status").text();
        }
      }
    }
  }
}
