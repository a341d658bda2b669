package dev.lbr.cli;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.K8sService;
import dev.lbr.model.InvalidInputException;
import dev.lbr.model.StackId;
import dev.lbr.plan.Change;
import dev.lbr.plan.Plan;
import dev.lbr.reconcile.Runtime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "plan",
    description = "Print the changes apply would make. Changes nothing, not even the state table.")
final class PlanCommand implements Callable<Integer> {
  @Mixin TargetOptions target;

  @Mixin ManifestInput input;

  @Override
  public Integer call() {
    List<K8sObject> objects = input.load(System.err);
    if (objects == null) {
      return Lbr.INVALID_INPUT;
    }
    Runtime runtime = target.runtime(false);
    Set<StackId> stacks = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
    stacks.addAll(Sync.inputStacks(objects));
    if (input.prune) {
      stacks.addAll(runtime.ownedStacks());
    }
    int status = Lbr.OK;
    for (StackId id : stacks) {
      K8sService service = service(objects, id);
      List<K8sEndpointSlice> slices = service == null ? List.of() : slices(objects, service);
      try {
        Plan plan = runtime.preview(id, service, slices);
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

  private static K8sService service(List<K8sObject> objects, StackId id) {
    return objects.stream()
        .filter(o -> o instanceof K8sService)
        .map(K8sService.class::cast)
        .filter(s -> StackId.service(s.metadata().namespace(), s.metadata().name()).equals(id))
        .findFirst()
        .orElse(null);
  }

  private static List<K8sEndpointSlice> slices(List<K8sObject> objects, K8sService service) {
    return objects.stream()
        .filter(o -> o instanceof K8sEndpointSlice)
        .map(K8sEndpointSlice.class::cast)
        .filter(s -> service.metadata().namespace().equals(s.metadata().namespace()))
        .filter(s -> service.metadata().name().equals(s.serviceName()))
        .toList();
  }
}
