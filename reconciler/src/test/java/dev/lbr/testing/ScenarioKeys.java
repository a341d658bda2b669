package dev.lbr.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sIngress;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.K8sService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scenarios name every target group {@code tg:<namespace>/<service>:<port>}. An Ingress target
 * group's LBC resource id is {@code <namespace>/<ingress>-<service>:<port>} instead; this maps one
 * to the other for the Ingresses and Services of a step, so the state view can be compared.
 */
public final class ScenarioKeys {
  private ScenarioKeys() {}

  /** {@code tg:ns/ing-svc:} prefix → {@code tg:ns/svc:} prefix, for every pair in the step. */
  public static Map<String, String> aliases(List<K8sObject> objects) {
    Map<String, String> aliases = new TreeMap<>();
    for (K8sObject o : objects) {
      if (!(o instanceof K8sIngress ing)) {
        continue;
      }
      for (K8sObject s : objects) {
        if (s instanceof K8sService svc
            && svc.metadata().namespace().equals(ing.metadata().namespace())) {
          String ns = ing.metadata().namespace();
          aliases.put(
              "\"tg:" + ns + "/" + ing.metadata().name() + "-" + svc.metadata().name() + ":",
              "\"tg:" + ns + "/" + svc.metadata().name() + ":");
        }
      }
    }
    return aliases;
  }

  /** The state view with Ingress target group keys renamed as the scenarios name them. */
  public static JsonNode rename(JsonNode state, Map<String, String> aliases) {
    String text = state.toString();
    for (var alias : aliases.entrySet()) {
      text = text.replace(alias.getKey(), alias.getValue());
    }
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
