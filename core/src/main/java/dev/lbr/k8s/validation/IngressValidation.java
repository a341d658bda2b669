package dev.lbr.k8s.validation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** An Ingress's {@code spec}: class name, rules (hosts, paths, backends), default backend, TLS. */
final class IngressValidation {
  static final List<String> PATH_TYPES = List.of("Exact", "Prefix", "ImplementationSpecific");

  /** Sequences an Exact or Prefix path may not contain, nor end with (without the final '/'). */
  private static final List<String> BAD_SEQUENCES =
      List.of("//", "/./", "/../", "/%2e%2e/", "/%2e/");

  private static final List<String> BAD_SUFFIXES = List.of("/..", "/.");

  private IngressValidation() {}

  static void validate(Field spec) {
    if (!spec.object()) {
      spec.fail("required value: either spec.defaultBackend or spec.rules must be specified");
      return;
    }
    Field className = spec.child("ingressClassName");
    className.text().ifPresent(c -> className.check(Syntax.dns1123Subdomain(c)));
    Field defaultBackend = spec.child("defaultBackend");
    List<Field> rules = spec.child("rules").items();
    if (!defaultBackend.present() && rules.isEmpty()) {
      spec.fail("required value: either spec.defaultBackend or spec.rules must be specified");
    }
    if (defaultBackend.present()) {
      backend(defaultBackend);
    }
    for (Field rule : rules) {
      if (rule.object()) {
        rule(rule);
      }
    }
    for (Field tls : spec.child("tls").items()) {
      if (tls.object()) {
        tls.child("hosts").texts(IngressValidation::host);
        tls.child("secretName").text();
      }
    }
  }

  private static void rule(Field rule) {
    Field host = rule.child("host");
    host.text().filter(h -> !h.isEmpty()).ifPresent(h -> host.check(host(h)));
    Field http = rule.child("http");
    if (!http.object()) {
      return;
    }
    Field pathsField = http.child("paths");
    List<Field> paths = pathsField.items();
    if (paths.isEmpty()) {
      pathsField.required();
    }
    for (Field path : paths) {
      if (!path.object()) {
        continue;
      }
      Field typeField = path.child("pathType");
      Optional<String> type = typeField.text();
      if (type.isEmpty()) {
        if (!typeField.present()) {
          typeField.fail("required value: one of " + String.join(", ", PATH_TYPES));
        }
      } else {
        typeField.check(Syntax.oneOf(type.get(), PATH_TYPES));
      }
      Field pathField = path.child("path");
      String value = pathField.text().orElse("");
      pathField.check(path(type.orElse(""), value));
      Field backend = path.child("backend");
      if (backend.present()) {
        backend(backend);
      } else {
        backend.required();
      }
    }
  }

  /** The problem with a path of this type, if any. */
  static Optional<String> path(String type, String path) {
    boolean strict = type.equals("Exact") || type.equals("Prefix");
    if ((strict || !path.isEmpty()) && !path.startsWith("/")) {
      return Syntax.problem(path, "must be an absolute path (start with '/')");
    }
    if (strict) {
      for (String bad : BAD_SEQUENCES) {
        if (path.contains(bad)) {
          return Syntax.problem(path, "must not contain '" + bad + "'");
        }
      }
      for (String bad : BAD_SUFFIXES) {
        if (path.endsWith(bad)) {
          return Syntax.problem(path, "must not end with '" + bad + "'");
        }
      }
    }
    return Optional.empty();
  }

  /** A rule or TLS host: a DNS name (a wildcard only as the whole first label), not an IP. */
  static Optional<String> host(String host) {
    if (IpAddresses.isIp(host)) {
      return Syntax.problem(host, "must be a DNS name, not an IP address");
    }
    return Syntax.wildcardSubdomain(host);
  }

  /** Exactly one of service and resource; a service names a Service and one port. */
  private static void backend(Field backend) {
    if (!backend.object()) {
      return;
    }
    Field service = backend.child("service");
    Field resource = backend.child("resource");
    if (service.present() == resource.present()) {
      backend.fail(
          service.present()
              ? "cannot set both service and resource"
              : "required value: one of service or resource");
    }
    if (resource.object()) {
      resource.child("kind").requiredText();
      resource.child("name").requiredText();
    }
    if (!service.object()) {
      return;
    }
    Field name = service.child("name");
    name.requiredText().ifPresent(n -> name.check(Syntax.dns1035Label(n)));
    Field port = service.child("port");
    if (!port.present()) {
      port.required();
    }
    if (!port.object()) {
      return;
    }
    Field portName = port.child("name");
    Field number = port.child("number");
    Optional<String> byName = portName.text().filter(n -> !n.isEmpty());
    OptionalInt byNumber = number.integer();
    if (byName.isPresent() && byNumber.isPresent() && byNumber.getAsInt() != 0) {
      port.fail("cannot set both port name and port number");
    } else if (byName.isPresent()) {
      portName.check(Syntax.portName(byName.get()));
    } else if (byNumber.isPresent()) {
      number.check(Syntax.portNumber(byNumber.getAsInt()));
    } else if (!number.present()) {
      port.fail("required value: port name or port number");
    }
  }
}
