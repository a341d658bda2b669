package dev.lbr.cli;

import dev.lbr.manifest.Manifests;
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
    Manifests.Batch batch = input.load(System.err);
    return new Sync(target.session(true), System.out)
        .apply(batch.objects(), input.prune, batch.refused().size());
  }
}
