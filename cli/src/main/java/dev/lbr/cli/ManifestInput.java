package dev.lbr.cli;

import dev.lbr.event.ManifestException;
import dev.lbr.k8s.K8sObject;
import dev.lbr.manifest.Manifests;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The input of {@code apply} and {@code plan} (a picocli mixin): the manifests, and pruning. */
final class ManifestInput {
  @Option(
      names = {"-f", "--filename"},
      required = true,
      description = "A manifest file or directory; repeatable.")
  List<Path> files;

  @Option(
      names = "--prune",
      description =
          "Delete the stacks of the cluster that the input no longer holds (plan: show those"
              + " deletions).")
  boolean prune;

  /**
   * The objects of every path, and the documents refused (an unreadable file, malformed YAML, an
   * object the API server would refuse), each printed on {@code err} with its reason. A refused
   * document does not stop the others, as with {@code kubectl apply}.
   */
  Manifests.Batch load(PrintStream err) {
    List<K8sObject> objects = new ArrayList<>();
    List<ManifestException> refused = new ArrayList<>();
    for (Path path : files) {
      Manifests.Batch batch = Manifests.read(path);
      objects.addAll(batch.objects());
      refused.addAll(batch.refused());
    }
    refused.forEach(e -> err.println("lbr: refused: " + e.getMessage()));
    return new Manifests.Batch(objects, refused);
  }
}
