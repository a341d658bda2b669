package dev.lbr.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.event.ManifestException;
import dev.lbr.event.Projection;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.k8s.validation.FieldError;
import dev.lbr.k8s.validation.ObjectValidation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads Kubernetes manifests (multi-document YAML, JSON, {@code kind: List} with {@code items})
 * into projected objects. Empty documents and kinds the contract does not carry (Namespace,
 * Deployment, ...) are skipped. Hand-written manifests may lack uid and resourceVersion; they are
 * left empty. Objects are held to the API server's validation ({@link ObjectValidation}).
 */
public final class Manifests {

  private Manifests() {}

  /**
   * What a manifest input holds: the objects that can be applied, and the documents refused, each
   * with its reason. One refused document does not stop the others, as with {@code kubectl apply}.
   */
  public record Batch(List<K8sObject> objects, List<ManifestException> refused) {
    public Batch {
      objects = List.copyOf(objects);
      refused = List.copyOf(refused);
    }
  }

  /**
   * A file, or every {@code *.yaml}, {@code *.yml} and {@code *.json} file under a directory
   * (recursively, in path order).
   *
   * @throws ManifestException for the first document refused (see {@link #read(Path)})
   */
  public static List<K8sObject> load(Path fileOrDirectory) {
    return orThrow(read(fileOrDirectory));
  }

  /** The objects in one file's text; {@code source} only names it in errors. */
  public static List<K8sObject> parse(String text, Path source) {
    return orThrow(read(text, source));
  }

  /**
   * Every object of a file or directory, and every document refused: an unreadable file or
   * malformed YAML (the rest of that file), a document without {@code kind} or {@code
   * metadata.name}, or an object the Kubernetes API server would refuse (named by kind, namespace
   * and name, with the field path of each problem).
   */
  public static Batch read(Path fileOrDirectory) {
    List<K8sObject> objects = new ArrayList<>();
    List<ManifestException> refused = new ArrayList<>();
    for (Path file : files(fileOrDirectory)) {
      String text;
      try {
        text = Files.readString(file);
      } catch (IOException e) {
        refused.add(new ManifestException(file, 0, "cannot read: " + e.getMessage(), e));
        continue;
      }
      Batch batch = read(text, file);
      objects.addAll(batch.objects());
      refused.addAll(batch.refused());
    }
    return new Batch(objects, refused);
  }

  /** The objects and refused documents of one file's text; {@code source} names it in errors. */
  public static Batch read(String text, Path source) {
    List<K8sObject> objects = new ArrayList<>();
    List<ManifestException> refused = new ArrayList<>();
    int document = 0;
    try (JsonParser parser = Yaml.mapper().getFactory().createParser(text);
        MappingIterator<JsonNode> docs =
            Yaml.mapper().readerFor(JsonNode.class).readValues(parser)) {
      while (true) {
        document++;
        JsonNode doc;
        try {
          if (!docs.hasNextValue()) {
            break;
          }
          doc = docs.nextValue();
        } catch (IOException | RuntimeException e) {
          refused.add(new ManifestException(source, document, "malformed YAML: " + message(e), e));
          break;
        }
        addDocument(doc, source, document, objects, refused);
      }
    } catch (IOException e) {
      refused.add(new ManifestException(source, document, "malformed YAML: " + message(e), e));
    }
    return new Batch(objects, refused);
  }

  private static List<K8sObject> orThrow(Batch batch) {
    if (!batch.refused().isEmpty()) {
      throw batch.refused().get(0);
    }
    return batch.objects();
  }

  private static void addDocument(
      JsonNode doc,
      Path source,
      int document,
      List<K8sObject> out,
      List<ManifestException> refused) {
    if (doc == null || doc.isMissingNode() || doc.isNull() || doc.isEmpty()) {
      return;
    }
    if (!doc.isObject()) {
      refused.add(new ManifestException(source, document, "a document must be a mapping", null));
      return;
    }
    String kind = doc.path("kind").asText("");
    if (kind.isEmpty()) {
      refused.add(new ManifestException(source, document, "missing kind", null));
      return;
    }
    if (kind.endsWith("List") && doc.path("items").isArray()) {
      for (JsonNode item : doc.path("items")) {
        addDocument(item, source, document, out, refused);
      }
      return;
    }
    if (doc.path("metadata").path("name").asText("").isEmpty()) {
      refused.add(new ManifestException(source, document, kind + " without metadata.name", null));
      return;
    }
    Optional<Kind> carried = Projection.carriedKind(doc);
    if (carried.isEmpty()) {
      return;
    }
    String subject = subject(carried.get(), doc);
    try {
      ObjectNode projected = Projection.project(doc);
      List<FieldError> errors = ObjectValidation.errors(carried.get(), projected);
      if (!errors.isEmpty()) {
        refused.add(
            new ManifestException(
                source, document, subject + ": " + FieldError.join(errors), null));
        return;
      }
      out.add(Projection.toObject(projected));
    } catch (IllegalArgumentException e) {
      refused.add(new ManifestException(source, document, subject + ": " + e.getMessage(), e));
    }
  }

  /** {@code Service default/echo}, as events name objects. */
  private static String subject(Kind kind, JsonNode doc) {
    JsonNode meta = doc.path("metadata");
    return new ObjectKey(kind, meta.path("namespace").asText(""), meta.path("name").asText(""))
        .toString();
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
