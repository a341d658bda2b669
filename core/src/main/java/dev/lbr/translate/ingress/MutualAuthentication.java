package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressAnnotation.MUTUAL_AUTHENTICATION;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.translate.common.Annotations;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code mutual-authentication}: a JSON list of {@code {"port", "mode", "trustStore",
 * "ignoreClientCertificateExpiry", "advertiseTrustStoreCaNames"}}, read and checked as LBC does
 * ({@code computeIngressMutualAuthentication} and {@code validateMutualAuthenticationConfig} in
 * {@code pkg/ingress/model_build_listener.go}). LBC applies an entry only to an HTTPS listen port
 * of the Ingress. Mode {@code off} is ELBv2's default, so it builds nothing (as if unset); {@code
 * verify} and {@code passthrough} on an HTTPS port are refused: lbr does not manage mutual TLS yet.
 */
final class MutualAuthentication {
  static final String OFF = "off";
  private static final Set<String> MODES = Set.of(OFF, "passthrough", "verify");

  private MutualAuthentication() {}

  /** Mode by port, each entry checked as LBC checks it; empty when the annotation is absent. */
  static Map<Integer, String> modes(Annotations a) {
    JsonAnnotation json = new JsonAnnotation(a, MUTUAL_AUTHENTICATION);
    Optional<JsonNode> parsed = json.parse();
    Map<Integer, String> modes = new TreeMap<>();
    if (parsed.isEmpty()) {
      return modes;
    }
    JsonNode entries = parsed.get();
    if (entries.isNull() || (entries.isArray() && entries.isEmpty())) {
      throw json.invalid("empty mutualAuthentication configuration");
    }
    if (!entries.isArray()) {
      throw json.invalid("failed to parse mutualAuthentication configuration: expected a list");
    }
    for (JsonNode entry : entries) {
      if (!entry.isObject() && !entry.isNull()) {
        throw json.invalid(
            "failed to parse mutualAuthentication configuration: expected objects, got " + entry);
      }
      int port = json.int32(entry, "port", "port").orElse(0);
      String mode = json.text(entry, "mode", "mode").orElse("");
      String trustStore = json.text(entry, "trustStore", "trustStore").orElse("");
      Optional<Boolean> ignoreExpiry =
          json.bool(entry, "ignoreClientCertificateExpiry", "ignoreClientCertificateExpiry");
      Optional<String> advertise =
          json.text(entry, "advertiseTrustStoreCaNames", "advertiseTrustStoreCaNames");
      check(json, port, mode, trustStore, ignoreExpiry, advertise);
      modes.put(port, mode); // a later entry for the same port wins, as in LBC's map
    }
    return modes;
  }

  /** LBC's checks, in its order and with its messages. */
  private static void check(
      JsonAnnotation json,
      int port,
      String mode,
      String trustStore,
      Optional<Boolean> ignoreExpiry,
      Optional<String> advertise) {
    if (port < 1 || port > 65535) {
      throw json.invalid("listen port must be within [1, 65535]: " + port);
    }
    if (mode.isEmpty()) {
      throw json.invalid("mutualAuthentication mode cannot be empty for port " + port);
    }
    if (!MODES.contains(mode)) {
      throw json.invalid(
          "mutualAuthentication mode value must be among [off, passthrough, verify] for port "
              + port
              + " : "
              + mode);
    }
    boolean verify = mode.equals("verify");
    if (verify && trustStore.isEmpty()) {
      throw json.invalid(
          "trustStore is required when mutualAuthentication mode is verify for port " + port);
    }
    if (!verify && !trustStore.isEmpty()) {
      throw json.invalid(
          "Mutual Authentication mode " + mode + " does not support trustStore for port " + port);
    }
    if (!verify && ignoreExpiry.isPresent()) {
      throw json.invalid(
          "Mutual Authentication mode "
              + mode
              + " does not support ignoring client certificate expiry for port "
              + port);
    }
    if (advertise.isPresent()) {
      if (!verify) {
        throw json.invalid(
            "Mutual Authentication mode "
                + mode
                + " does not support advertiseTrustStoreCaNames for port "
                + port);
      }
      if (!advertise.get().equals("on") && !advertise.get().equals("off")) {
        throw json.invalid(
            "advertiseTrustStoreCaNames only supports the values \"on\" and \"off\" got value "
                + advertise.get()
                + " for port "
                + port);
      }
    }
  }

  /** Refuses a mode other than {@code off} on one of the Ingress's HTTPS listen ports. */
  static void refuseEnabled(
      Annotations a, Map<Integer, String> modes, Map<Integer, String> protocols) {
    modes.forEach(
        (port, mode) -> {
          if (!mode.equals(OFF) && ListenPorts.HTTPS.equals(protocols.get(port))) {
            throw a.invalid(
                MUTUAL_AUTHENTICATION,
                "mutual TLS authentication (mode "
                    + mode
                    + " on port "
                    + port
                    + ")"
                    + Annotations.NOT_YET
                    + "; only mode off is");
          }
        });
  }
}
