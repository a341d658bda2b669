package dev.lbr.cli;

import dev.lbr.event.ManifestException;
import dev.lbr.event.Manifests;
import dev.lbr.k8s.K8sObject;
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

  /** The objects of every path, or null (after printing why) when any cannot be read. */
  List<K8sObject> load(PrintStream err) {
    List<K8sObject> objects = new ArrayList<>();
    for (Path path : files) {
      try {
        objects.addAll(Manifests.load(path));
      } catch (ManifestException e) {
        err.println("lbr: invalid manifest: " + e.getMessage());
        return null;
      }
    }
    return objects;
  }
}
