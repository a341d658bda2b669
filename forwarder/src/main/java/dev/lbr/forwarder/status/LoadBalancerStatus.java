package dev.lbr.forwarder.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code status.loadBalancer.ingress} as LBC writes it (pure): a Service gets its load balancer's
 * DNS name with each of its spec ports and protocols ({@code service_controller.go}
 * updateServiceStatus); every member Ingress of a group gets the DNS name with the listener ports
 * ({@code group_controller.go} updateIngressStatus).
 */
final class LoadBalancerStatus {
  private LoadBalancerStatus() {}

  static ArrayNode forService(JsonNode service, String dnsName) {
    ArrayNode ports = Json.mapper().createArrayNode();
    for (JsonNode p : service.path("spec").path("ports")) {
      ports
          .addObject()
          .put("port", p.path("port").asInt())
          .put("protocol", p.path("protocol").asText("TCP"));
    }
    return entry(dnsName, ports);
  }

  static ArrayNode forIngress(List<Integer> listenerPorts, String dnsName) {
    ArrayNode ports = Json.mapper().createArrayNode();
    listenerPorts.forEach(p -> ports.addObject().put("port", p));
    return entry(dnsName, ports);
  }

  /** Whether the object's current {@code ingress} list says the same (ports in any order). */
  static boolean same(JsonNode current, ArrayNode desired) {
    return normalized(current).equals(normalized(desired));
  }

  private static ArrayNode entry(String dnsName, ArrayNode ports) {
    ArrayNode out = Json.mapper().createArrayNode();
    ObjectNode e = out.addObject().put("hostname", dnsName);
    if (!ports.isEmpty()) {
      e.set("ports", ports);
    }
    return out;
  }

  /** Absent and empty are the same; an empty ports list is none; ports sorted. */
  private static ArrayNode normalized(JsonNode ingress) {
    ArrayNode out = Json.mapper().createArrayNode();
    for (JsonNode e : ingress) {
      ObjectNode copy = ((ObjectNode) e).deepCopy();
      List<JsonNode> ports = new ArrayList<>();
      copy.path("ports").forEach(ports::add);
      copy.remove("ports");
      if (!ports.isEmpty()) {
        ports.sort(Comparator.comparing(JsonNode::toString));
        copy.putArray("ports").addAll(ports);
      }
      out.add(copy);
    }
    return out;
  }
}
