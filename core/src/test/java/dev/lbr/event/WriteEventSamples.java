package dev.lbr.event;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.testing.RepoPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes {@code events/*.json} from {@code sample-objects.yaml}. Run it after a contract change:
 *
 * <pre>
 * ./mvnw -q -pl core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.lbr.event.WriteEventSamples
 * </pre>
 */
public final class WriteEventSamples {

  static final String CLUSTER = "demo";
  static final Instant TIME = Instant.parse("2025-06-01T12:00:00Z");

  private WriteEventSamples() {}

  /** File name → envelope JSON (compact, as the builder returns it). */
  static Map<String, String> samples() throws IOException {
    Map<Kind, K8sObject> objects = new EnumMap<>(Kind.class);
    for (K8sObject o : sampleObjects()) {
      objects.put(o.kind(), o);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Kind kind : Kind.values()) {
      K8sObject object = objects.get(kind);
      String base = kind.wireName().toLowerCase();
      out.put(base + "-upsert.json", Events.envelope(CLUSTER, object, Operation.UPSERT, TIME));
      String deletedRv = Long.toString(Long.parseLong(object.metadata().resourceVersion()) + 100);
      Instant deletedAt = TIME.plusSeconds(300);
      // Two shapes of delete: with the last known state (here EndpointSlice, IngressClass) or
      // without it (the informer's DeletedFinalStateUnknown case; the key is enough).
      String delete =
          switch (kind) {
            case ENDPOINT_SLICE, INGRESS_CLASS ->
                Events.envelope(CLUSTER, withRv(object, deletedRv), Operation.DELETE, deletedAt);
            default ->
                Events.deleteEnvelope(
                    CLUSTER, object.key(), object.metadata().uid(), deletedRv, deletedAt);
          };
      out.put(base + "-delete.json", delete);
    }
    Map<Kind, Set<ObjectKey>> keys =
        objects.values().stream()
            .collect(
                Collectors.groupingBy(
                    K8sObject::kind, Collectors.mapping(K8sObject::key, Collectors.toSet())));
    out.put("inventory.json", Events.inventory(CLUSTER, TIME.plusSeconds(600), "5000", keys));
    return out;
  }

  /** The sample objects, projected as the forwarder projects what the API server returns. */
  static List<K8sObject> sampleObjects() throws IOException {
    try (InputStream in = WriteEventSamples.class.getResourceAsStream("sample-objects.yaml")) {
      return new YAMLMapper()
          .readerFor(JsonNode.class).<JsonNode>readValues(in).readAll().stream()
              .filter(doc -> doc.isObject() && !doc.isEmpty())
              .map(doc -> Projection.toObject(Projection.project(doc)))
              .toList();
    }
  }

  /** Pretty-printed, with a final newline: how the files are stored. */
  static String pretty(String json) throws IOException {
    JsonNode tree = Json.mapper().readTree(json);
    var printer =
        new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayEmptySeparator("")
                .withObjectEmptySeparator(""));
    return Json.mapper().writer(printer).writeValueAsString(tree) + "\n";
  }

  private static K8sObject withRv(K8sObject object, String rv) {
    ObjectNode json = Projection.toJson(object);
    ((ObjectNode) json.get("metadata")).put("resourceVersion", rv);
    return Projection.toObject(json);
  }

  public static void main(String[] args) throws IOException {
    Path dir = RepoPaths.root().resolve("events");
    Files.createDirectories(dir);
    for (Map.Entry<String, String> e : samples().entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), pretty(e.getValue()));
      System.out.println("wrote " + dir.resolve(e.getKey()));
    }
  }
}
