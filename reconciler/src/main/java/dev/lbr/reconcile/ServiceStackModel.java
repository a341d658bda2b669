package dev.lbr.reconcile;

import dev.lbr.event.StackResult;
import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sNode;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.model.ClusterFacts;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.StackId;
import dev.lbr.model.Target;
import dev.lbr.model.TargetSource;
import dev.lbr.state.SnapshotStore;
import dev.lbr.translate.service.ServiceModelBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A Service stack: the Service, its EndpointSlices and (instance mode) the Nodes, as stored. */
record ServiceStackModel(
    StackId id, K8sService service, List<K8sEndpointSlice> slices, List<K8sNode> nodes)
    implements StackModel {

  /** Bump when the builder changes what it builds from the same input, to force a full pass. */
  static final String BUILDER_VERSION = "service-3";

  static ServiceStackModel load(SnapshotStore store, StackId id) {
    int slash = id.name().indexOf('/');
    String namespace = id.name().substring(0, slash);
    String name = id.name().substring(slash + 1);
    K8sService service =
        store
            .get(new ObjectKey(Kind.SERVICE, namespace, name))
            .map(K8sService.class::cast)
            .orElse(null);
    List<K8sEndpointSlice> slices =
        service == null ? List.of() : GatedSlices.of(store, namespace, name);
    // Nodes are instance targets; like endpoints, they are not part of the input hash.
    List<K8sNode> nodes =
        ServiceModelBuilder.targetsNodes(service)
            ? store.liveObjects(Kind.NODE).stream().map(K8sNode.class::cast).toList()
            : List.of();
    return new ServiceStackModel(id, service, slices, nodes);
  }

  private boolean managed() {
    return service != null
        && service.metadata().deletionTimestamp() == null
        && ServiceModelBuilder.isManaged(service);
  }

  @Override
  public String inputHash() {
    // The resourceVersion changes with every write, also for fields we do not read: leave it out.
    Object spec =
        managed()
            ? List.of(service.metadata().withResourceVersion(null), service.spec())
            : "absent";
    return Hashing.sha256(List.of(BUILDER_VERSION, spec));
  }

  @Override
  public DesiredStack build(ClusterFacts facts) {
    return managed()
        ? ServiceModelBuilder.build(service, slices, nodes, facts)
        : DesiredStack.empty(id);
  }

  @Override
  public List<StackResult.Member> members() {
    return managed() ? List.of(StackResults.member(service)) : List.of();
  }

  @Override
  public Map<String, Set<Target>> targets() {
    return managed() ? ServiceModelBuilder.targets(service, slices, nodes) : Map.of();
  }

  @Override
  public Map<String, TargetSource> targetSources() {
    return managed() ? ServiceModelBuilder.targetSources(service) : Map.of();
  }
}
