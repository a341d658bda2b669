package dev.lbr.cli;

import dev.lbr.k8s.K8sObject;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description =
        "Reconcile the objects in the manifests (multi-document YAML files or directories).")
final class ApplyCommand implements Callable<Integer> {
  @Mixin TargetOptions target;

  @Mixin ManifestInput input;

  @Override
  public Integer call() {
    List<K8sObject> objects = input.load(System.err);
    if (objects == null) {
      return Lbr.INVALID_INPUT;
    }
    return new Sync(target.runtime(true), System.out).apply(objects, input.prune);
  }
}
