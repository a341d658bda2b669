package dev.lbr.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The Nodes of a step's manifests as the network cares about them: name, providerID, IP. */
record StepNodes(String name, String providerId, String internalIp) {
  private static final YAMLMapper YAML = new YAMLMapper();

  /** Every {@code kind: Node} document of a multi-document YAML text. */
  static List<StepNodes> of(String yaml) {
    List<StepNodes> nodes = new ArrayList<>();
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc == null || !"Node".equals(doc.path("kind").asText())) {
          continue;
        }
        String ip = null;
        for (JsonNode address : doc.path("status").path("addresses")) {
          if ("InternalIP".equals(address.path("type").asText()) && ip == null) {
            ip = address.path("address").asText();
          }
        }
        String providerId = doc.path("spec").path("providerID").asText(null);
        nodes.add(new StepNodes(doc.path("metadata").path("name").asText(), providerId, ip));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return nodes;
  }

  /** The instance id of an {@code aws:///<zone>/<id>} providerID, or null. */
  String instanceId() {
    if (providerId == null || !providerId.startsWith("aws:///")) {
      return null;
    }
    return providerId.substring(providerId.lastIndexOf('/') + 1);
  }
}
