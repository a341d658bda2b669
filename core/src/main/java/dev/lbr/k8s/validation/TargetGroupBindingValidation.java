package dev.lbr.k8s.validation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A TargetGroupBinding's spec as its CRD's schema (LBC's, {@code forwarder/deploy}) and LBC's
 * webhook check it: the Service reference is required, the target group is named by exactly one of
 * ARN and name, and the enumerations hold.
 */
final class TargetGroupBindingValidation {
  private static final Pattern TARGET_GROUP_ARN =
      Pattern.compile("arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\\d{12}:targetgroup/.+/.+");

  private TargetGroupBindingValidation() {}

  static void validate(Field spec) {
    if (!spec.present()) {
      spec.required();
      return;
    }
    if (!spec.object()) {
      return;
    }
    Field serviceRef = spec.child("serviceRef");
    if (!serviceRef.present()) {
      serviceRef.required();
    } else if (serviceRef.object()) {
      Field name = serviceRef.child("name");
      name.requiredText().ifPresent(n -> name.check(Syntax.dns1035Label(n)));
      servicePort(serviceRef.child("port"));
    }
    Field arn = spec.child("targetGroupARN");
    Field groupName = spec.child("targetGroupName");
    Optional<String> byArn = arn.text().filter(a -> !a.isEmpty());
    Optional<String> byName = groupName.text().filter(n -> !n.isEmpty());
    if (byArn.isEmpty() && byName.isEmpty()) {
      arn.fail("either targetGroupARN or targetGroupName must be specified");
    } else if (byArn.isPresent() && byName.isPresent()) {
      groupName.fail("targetGroupARN and targetGroupName cannot both be specified");
    }
    byArn.ifPresent(a -> arn.check(targetGroupArn(a)));
    oneOf(spec.child("targetType"), List.of("instance", "ip"));
    oneOf(spec.child("ipAddressType"), List.of("ipv4", "ipv6"));
    spec.child("multiClusterTargetGroup").bool();
    spec.child("vpcID").text();
    spec.child("nodeSelector").object();
    spec.child("networking").object();
  }

  /** IntOrString: a port number, or a port name. */
  private static void servicePort(Field port) {
    if (!port.present()) {
      port.required();
    } else if (port.isNumber()) {
      port.integer().ifPresent(p -> port.check(Syntax.portNumber(p)));
    } else if (port.isText()) {
      port.requiredText().ifPresent(t -> port.check(Syntax.portName(t)));
    } else {
      port.fail("must be a port number or a port name, got " + port.shown());
    }
  }

  private static void oneOf(Field field, List<String> allowed) {
    field.text().ifPresent(v -> field.check(Syntax.oneOf(v, allowed)));
  }

  static Optional<String> targetGroupArn(String value) {
    return TARGET_GROUP_ARN.matcher(value).matches()
        ? Optional.empty()
        : Syntax.problem(value, "must be a target group ARN");
  }
}
