package dev.lbr.k8s.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An EndpointSlice: its address type, every address valid for that type, the API server's limits
 * (1–100 addresses per endpoint, 1000 endpoints, 100 ports), and its ports.
 */
final class EndpointSliceValidation {
  static final List<String> ADDRESS_TYPES = List.of("IPv4", "IPv6", "FQDN");
  static final int MAX_ENDPOINTS = 1000;
  static final int MAX_ADDRESSES = 100;
  static final int MAX_PORTS = 100;

  private EndpointSliceValidation() {}

  static void validate(Field slice) {
    Field typeField = slice.child("addressType");
    Optional<String> type = typeField.text().filter(t -> !t.isEmpty());
    if (type.isEmpty()) {
      if (!typeField.present()) {
        typeField.required();
      }
    } else {
      typeField.check(Syntax.oneOf(type.get(), ADDRESS_TYPES));
    }
    endpoints(slice.child("endpoints"), type.orElse(""));
    ports(slice.child("ports"));
  }

  private static void endpoints(Field endpointsField, String type) {
    List<Field> endpoints = endpointsField.items();
    if (endpoints.size() > MAX_ENDPOINTS) {
      endpointsField.fail("must have at most " + MAX_ENDPOINTS + " items, has " + endpoints.size());
      return;
    }
    for (Field endpoint : endpoints) {
      if (!endpoint.object()) {
        continue;
      }
      Field addressesField = endpoint.child("addresses");
      List<Field> addresses = addressesField.items();
      if (addresses.isEmpty()) {
        addressesField.fail("required value: an endpoint has at least 1 address");
      } else if (addresses.size() > MAX_ADDRESSES) {
        addressesField.fail(
            "must have at most " + MAX_ADDRESSES + " items, has " + addresses.size());
      }
      for (Field address : addresses) {
        address.text().ifPresent(a -> address.check(address(type, a)));
      }
      Field conditions = endpoint.child("conditions");
      if (conditions.object()) {
        for (String condition : List.of("ready", "serving", "terminating")) {
          conditions.child(condition).bool();
        }
      }
      Field nodeName = endpoint.child("nodeName");
      nodeName.text().ifPresent(n -> nodeName.check(Syntax.dns1123Subdomain(n)));
      endpoint.child("zone").text();
      Field targetRef = endpoint.child("targetRef");
      if (targetRef.object()) {
        for (String field : List.of("kind", "namespace", "name")) {
          targetRef.child(field).text();
        }
      }
    }
  }

  /** The problem with one address of a slice of this type, if any. */
  static Optional<String> address(String type, String address) {
    switch (type) {
      case "IPv4" -> {
        Optional<byte[]> ip = IpAddresses.ipv4(address);
        if (ip.isEmpty()) {
          return Syntax.problem(address, "must be a valid IPv4 address (dotted quad)");
        }
        return IpAddresses.special(ip.get()).map(s -> Quote.of(address) + " may not be " + s);
      }
      case "IPv6" -> {
        Optional<byte[]> ip = IpAddresses.ipv6(address);
        if (ip.isEmpty() || IpAddresses.ipv4(address).isPresent() || isV4Mapped(ip.get())) {
          return Syntax.problem(address, "must be a valid IPv6 address");
        }
        return IpAddresses.special(ip.get()).map(s -> Quote.of(address) + " may not be " + s);
      }
      case "FQDN" -> {
        return fqdn(address);
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static Optional<String> fqdn(String address) {
    String name = address.endsWith(".") ? address.substring(0, address.length() - 1) : address;
    Optional<String> problem = Syntax.dns1123Subdomain(name);
    if (problem.isPresent()) {
      return problem;
    }
    return name.contains(".")
        ? Optional.empty()
        : Syntax.problem(address, "must be a fully qualified domain name (at least two labels)");
  }

  private static boolean isV4Mapped(byte[] ip) {
    for (int i = 0; i < 10; i++) {
      if (ip[i] != 0) {
        return false;
      }
    }
    return ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
  }

  private static void ports(Field portsField) {
    List<Field> ports = portsField.items();
    if (ports.size() > MAX_PORTS) {
      portsField.fail("must have at most " + MAX_PORTS + " items, has " + ports.size());
      return;
    }
    Set<String> names = new HashSet<>();
    for (Field port : ports) {
      if (!port.object()) {
        continue;
      }
      Field name = port.child("name");
      String portName = name.text().orElse("");
      if (!portName.isEmpty()) {
        name.check(Syntax.dns1123Label(portName));
      }
      if (!names.add(portName)) {
        name.fail("duplicate value " + Quote.of(portName));
      }
      Field protocol = port.child("protocol");
      protocol.text().ifPresent(p -> protocol.check(Syntax.oneOf(p, ServiceValidation.PROTOCOLS)));
      Field number = port.child("port");
      number.integer().ifPresent(p -> number.check(Syntax.portNumber(p)));
    }
  }
}
