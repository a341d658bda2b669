package dev.lbr.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads Kubernetes manifests (multi-document YAML, JSON, {@code kind: List} with {@code items})
 * into projected objects. Empty documents and kinds the contract does not carry (Namespace,
 * Deployment, ...) are skipped. Hand-written manifests may lack uid and resourceVersion; they are
 * left empty.
 */
public final class Manifests {

  private Manifests() {}

  /**
   * A file, or every {@code *.yaml}, {@code *.yml} and {@code *.json} file under a directory
   * (recursively, in path order).
   *
   * @throws ManifestException naming the file and document for unreadable files, malformed YAML, or
   *     a document without {@code kind} or {@code metadata.name}
   */
  public static List<K8sObject> load(Path fileOrDirectory) {
    List<K8sObject> objects = new ArrayList<>();
    for (Path file : files(fileOrDirectory)) {
      String text;
      try {
        text = Files.readString(file);
      } catch (IOException e) {
        throw new ManifestException(file, 0, "cannot read: " + e.getMessage(), e);
      }
      objects.addAll(parse(text, file));
    }
    return List.copyOf(objects);
  }

  /** The objects in one file's text; {@code source} only names it in errors. */
  public static List<K8sObject> parse(String text, Path source) {
    List<K8sObject> objects = new ArrayList<>();
    int document = 0;
    try (JsonParser parser = Json.yaml().getFactory().createParser(text);
        MappingIterator<JsonNode> docs = Json.yaml().readerFor(JsonNode.class).readValues(parser)) {
      while (true) {
        document++;
        JsonNode doc;
        try {
          if (!docs.hasNextValue()) {
            break;
          }
          doc = docs.nextValue();
        } catch (IOException | RuntimeException e) {
          throw new ManifestException(source, document, "malformed YAML: " + message(e), e);
        }
        addDocument(doc, source, document, objects);
      }
    } catch (IOException e) {
      throw new ManifestException(source, document, "malformed YAML: " + message(e), e);
    }
    return objects;
  }

  private static void addDocument(JsonNode doc, Path source, int document, List<K8sObject> out) {
    if (doc == null || doc.isMissingNode() || doc.isNull() || doc.isEmpty()) {
      return;
    }
    if (!doc.isObject()) {
      throw new ManifestException(source, document, "a document must be a mapping", null);
    }
    String kind = doc.path("kind").asText("");
    if (kind.isEmpty()) {
      throw new ManifestException(source, document, "missing kind", null);
    }
    if (kind.endsWith("List") && doc.path("items").isArray()) {
      for (JsonNode item : doc.path("items")) {
        addDocument(item, source, document, out);
      }
      return;
    }
    if (doc.path("metadata").path("name").asText("").isEmpty()) {
      throw new ManifestException(source, document, kind + " without metadata.name", null);
    }
    if (Projection.carriedKind(doc).isEmpty()) {
      return;
    }
    try {
      out.add(Projection.toObject(Projection.project(doc)));
    } catch (IllegalArgumentException e) {
      String name = doc.path("metadata").path("name").asText();
      throw new ManifestException(source, document, kind + " " + name + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> files(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of(root);
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).filter(Manifests::isManifest).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  private static boolean isManifest(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static String message(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    return m.replace('\n', ' ').trim();
  }
}
