package dev.lbr.cli;

import dev.lbr.k8s.K8sObject;
import dev.lbr.manifest.Manifests;
import dev.lbr.model.InvalidInputException;
import dev.lbr.model.StackId;
import dev.lbr.plan.Change;
import dev.lbr.plan.Plan;
import dev.lbr.reconcile.StackInputs;
import dev.lbr.state.MemorySnapshotStore;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Print the changes apply would make. Changes nothing, not even the state table.")
final class PlanCommand implements Callable<Integer> {
  @Mixin TargetOptions target;

  @Mixin ManifestInput input;

  @Override
  public Integer call() {
    Manifests.Batch batch = input.load(System.err);
    List<K8sObject> objects = batch.objects();
    boolean refused = !batch.refused().isEmpty();
    Session session = target.session(false);
    // The manifests, identified as apply identifies them and stored in memory the way the
    // reconciler stores events: same stacks, same build, same names.
    MemorySnapshotStore inputs =
        MemorySnapshotStore.of(ManifestIdentity.identified(session.cluster(), objects));
    Set<StackId> stacks = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
    stacks.addAll(StackInputs.stacks(inputs));
    if (input.prune && !refused) {
      stacks.addAll(session.ownedStacks());
    } else if (input.prune) {
      System.out.println("✗ not pruning: part of the input was refused");
    }
    int status = refused ? Lbr.INVALID_INPUT : Lbr.OK;
    for (StackId id : stacks) {
      try {
        Plan plan = session.controller().preview(id, inputs);
        System.out.println(
            (plan.isEmpty() ? "= " : "~ ")
                + id.name()
                + ": "
                + plan.changes().size()
                + " change(s)");
        plan.changes().stream().map(Change::describe).forEach(c -> System.out.println("    " + c));
      } catch (InvalidInputException e) {
        System.out.println("✗ " + id.name() + ": invalid: " + e.getMessage());
        status = Lbr.INVALID_INPUT;
      }
    }
    return status;
  }
}
