package dev.lbr.cli;

import dev.lbr.k8s.K8sObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "apply",
    description =
        "Reconcile the objects in the manifests (multi-document YAML files or directories).")
final class ApplyCommand implements Callable<Integer> {
  @Mixin TargetOptions target;

  @Option(
      names = {"-f", "--filename"},
      required = true,
      description = "A manifest file or directory; repeatable.")
  List<Path> files;

  @Option(
      names = "--prune",
      description = "Delete the stacks of the cluster that the input no longer holds.")
  boolean prune;

  @Override
  public Integer call() {
    List<K8sObject> objects = ManifestInput.load(files, System.err);
    if (objects == null) {
      return Lbr.INVALID_INPUT;
    }
    return new Sync(target.runtime(true), System.out).apply(objects, prune);
  }
}
