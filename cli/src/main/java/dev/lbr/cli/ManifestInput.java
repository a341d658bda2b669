package dev.lbr.cli;

import dev.lbr.event.ManifestException;
import dev.lbr.event.Manifests;
import dev.lbr.k8s.K8sObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads the {@code -f} arguments. */
final class ManifestInput {
  private ManifestInput() {}

  /** The objects of every path, or null (after printing why) when any cannot be read. */
  static List<K8sObject> load(List<Path> paths, PrintStream err) {
    List<K8sObject> objects = new ArrayList<>();
    for (Path path : paths) {
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
