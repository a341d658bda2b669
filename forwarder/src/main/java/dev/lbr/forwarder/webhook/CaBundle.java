package dev.lbr.forwarder.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.forwarder.publish.JsonLog;
import dev.lbr.forwarder.status.ApiResource;
import dev.lbr.forwarder.status.KubeApiException;
import dev.lbr.forwarder.status.KubeRest;
import dev.lbr.k8s.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code caBundle} of every webhook of one MutatingWebhookConfiguration: set to the CA bundle
 * the serving certificate chains to, with an optimistic merge patch of the whole {@code webhooks}
 * list (a merge patch replaces lists), nothing written when it is already so. A missing
 * configuration is reported once; a failed write is logged, never thrown.
 */
final class CaBundle {
  private final KubeRest kube;
  private final String configuration;
  private boolean warnedNoConfiguration;

  CaBundle(KubeRest kube, String configuration) {
    this.kube = kube;
    this.configuration = configuration;
  }

  /** Sets {@code caBundle} to {@code pem} (base64) on every webhook that lacks exactly it. */
  void write(String pem) {
    String wanted = Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    ApiResource r = ApiResource.MUTATING_WEBHOOKS;
    Optional<ObjectNode> current;
    try {
      current = kube.get(r.item(null, configuration));
      if (current.isEmpty()) {
        if (!warnedNoConfiguration) {
          warnedNoConfiguration = true;
          JsonLog.warn(
              "no MutatingWebhookConfiguration to give the CA bundle to: apply"
                  + " forwarder/deploy/40-webhook.yaml",
              "name",
              configuration);
        }
        return;
      }
      warnedNoConfiguration = false;
      kube.update(
          r,
          current.get(),
          false,
          read -> {
            ArrayNode webhooks = Json.mapper().createArrayNode();
            boolean changed = false;
            for (JsonNode w : read.path("webhooks")) {
              ObjectNode copy = (ObjectNode) w.deepCopy();
              if (!wanted.equals(copy.path("clientConfig").path("caBundle").asText())) {
                ObjectNode clientConfig =
                    copy.has("clientConfig") && copy.get("clientConfig").isObject()
                        ? (ObjectNode) copy.get("clientConfig")
                        : copy.putObject("clientConfig");
                clientConfig.put("caBundle", wanted);
                changed = true;
              }
              webhooks.add(copy);
            }
            if (!changed) {
              return null;
            }
            ObjectNode patch = Json.mapper().createObjectNode();
            patch.set("webhooks", webhooks);
            JsonLog.info("webhook CA bundle written", "configuration", configuration);
            return patch;
          });
    } catch (KubeApiException e) {
      JsonLog.warn(
          "cannot write the webhook CA bundle",
          "configuration",
          configuration,
          "error",
          e.getMessage());
    }
  }
}
