package dev.lbr.k8s.validation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** A Service's {@code spec}, as far as the projection carries it. */
final class ServiceValidation {
  static final List<String> TYPES =
      List.of("ClusterIP", "NodePort", "LoadBalancer", "ExternalName");
  static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");
  static final List<String> TRAFFIC_POLICIES = List.of("Cluster", "Local");
  static final List<String> IP_FAMILIES = List.of("IPv4", "IPv6");

  private ServiceValidation() {}

  static void validate(Field spec) {
    if (!spec.object()) {
      return;
    }
    Field typeField = spec.child("type");
    String type = typeField.text().orElse("ClusterIP");
    typeField.check(Syntax.oneOf(type, TYPES));
    boolean loadBalancer = type.equals("LoadBalancer");
    ports(spec.child("ports"), type);
    Field lbClass = spec.child("loadBalancerClass");
    lbClass
        .text()
        .ifPresent(
            c -> {
              lbClass.check(Syntax.qualifiedName(c));
              if (!loadBalancer) {
                lbClass.fail("may only be used when spec.type is 'LoadBalancer'");
              }
            });
    Field ranges = spec.child("loadBalancerSourceRanges");
    List<String> cidrs = ranges.texts(IpAddresses::cidr);
    if (!cidrs.isEmpty() && !loadBalancer) {
      ranges.fail("may only be used when spec.type is 'LoadBalancer'");
    }
    Field policy = spec.child("externalTrafficPolicy");
    policy.text().ifPresent(p -> policy.check(Syntax.oneOf(p, TRAFFIC_POLICIES)));
    Field healthCheck = spec.child("healthCheckNodePort");
    healthCheck.integer().ifPresent(p -> healthCheck.check(nodePort(p)));
    Field families = spec.child("ipFamilies");
    List<String> familyNames = families.texts(f -> Syntax.oneOf(f, IP_FAMILIES));
    if (familyNames.size() > 2 || new HashSet<>(familyNames).size() < familyNames.size()) {
      families.fail("must hold at most one of each of IPv4 and IPv6, got " + familyNames);
    }
    Field selector = spec.child("selector");
    for (String key : selector.keys()) {
      Field value = selector.child(key);
      value.check(Syntax.qualifiedName(key));
      value.text().ifPresent(v -> value.check(Syntax.labelValue(v)));
    }
  }

  private static void ports(Field portsField, String type) {
    List<Field> ports = portsField.items();
    if (ports.isEmpty() && (type.equals("LoadBalancer") || type.equals("NodePort"))) {
      portsField.fail("required value: a Service of type " + type + " needs at least one port");
    }
    Set<String> names = new HashSet<>();
    Map<String, Integer> numbers = new HashMap<>();
    Map<String, Integer> nodePorts = new HashMap<>();
    for (int i = 0; i < ports.size(); i++) {
      Field port = ports.get(i);
      int index = i;
      if (!port.object()) {
        continue;
      }
      Field name = port.child("name");
      String portName = name.text().orElse("");
      if (portName.isEmpty() && ports.size() > 1) {
        name.fail("required value: every port needs a name when a Service has more than one");
      } else if (!portName.isEmpty()) {
        name.check(Syntax.dns1123Label(portName));
        if (!names.add(portName)) {
          name.fail("duplicate value " + Quote.of(portName));
        }
      }
      Field protocolField = port.child("protocol");
      String protocol = protocolField.text().orElse("TCP");
      protocolField.check(Syntax.oneOf(protocol, PROTOCOLS));
      Field number = port.child("port");
      OptionalInt value = number.integer();
      if (!number.present()) {
        number.required();
      }
      value.ifPresent(
          p -> {
            number.check(Syntax.portNumber(p));
            Integer first = numbers.putIfAbsent(p + "/" + protocol, index);
            if (first != null) {
              number.fail(
                  "duplicate value: " + p + "/" + protocol + " is also spec.ports[" + first + "]");
            }
          });
      targetPort(port.child("targetPort"));
      Field node = port.child("nodePort");
      node.integer()
          .ifPresent(
              p -> {
                node.check(nodePort(p));
                if (p != 0 && nodePorts.putIfAbsent(p + "/" + protocol, index) != null) {
                  node.fail("duplicate value: " + p + "/" + protocol);
                }
              });
    }
  }

  /** IntOrString: a number 1–65535, or a port name; absent means "the port". */
  private static void targetPort(Field target) {
    if (target.isNumber()) {
      target.integer().ifPresent(p -> target.check(Syntax.portNumber(p)));
    } else if (target.isText()) {
      target.text().filter(t -> !t.isEmpty()).ifPresent(t -> target.check(Syntax.portName(t)));
    } else if (target.present()) {
      target.fail("must be a port number or a port name, got " + target.shown());
    }
  }

  /** A node port: 0 (not assigned yet) or 1–65535. */
  private static java.util.Optional<String> nodePort(int value) {
    return value == 0 ? java.util.Optional.empty() : Syntax.portNumber(value);
  }
}
