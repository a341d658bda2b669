package dev.lbr.reconcile;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sNode;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.K8sTargetGroupBinding;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.model.StackId;
import dev.lbr.model.Target;
import dev.lbr.model.TargetSource;
import dev.lbr.state.SnapshotStore;
import dev.lbr.translate.common.TargetSources;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A binding stack's stored inputs: the user's TargetGroupBinding (absent when deleted, being
 * deleted, or written by lbr for its own stacks), its Service and their EndpointSlices; the Nodes
 * are read only when a source asks for instance targets.
 */
final class BindingInputs {
  /** Bump when what a binding builds from the same input changes, to force a full pass. */
  static final String BUILDER_VERSION = "binding-1";

  private final SnapshotStore store;
  private final K8sTargetGroupBinding binding;
  private final K8sService service;
  private final List<K8sEndpointSlice> slices;
  private List<K8sNode> nodes;

  private BindingInputs(
      SnapshotStore store,
      K8sTargetGroupBinding binding,
      K8sService service,
      List<K8sEndpointSlice> slices) {
    this.store = store;
    this.binding = binding;
    this.service = service;
    this.slices = slices;
  }

  static BindingInputs load(SnapshotStore store, StackId id) {
    int slash = id.name().indexOf('/');
    String namespace = id.name().substring(0, slash);
    K8sTargetGroupBinding binding =
        store
            .get(
                new ObjectKey(Kind.TARGET_GROUP_BINDING, namespace, id.name().substring(slash + 1)))
            .map(K8sTargetGroupBinding.class::cast)
            .filter(BindingInputs::isInput)
            .orElse(null);
    if (binding == null) {
      return new BindingInputs(store, null, null, List.of());
    }
    String name = binding.spec().serviceRef().name();
    K8sService service =
        store
            .get(new ObjectKey(Kind.SERVICE, namespace, name))
            .map(K8sService.class::cast)
            .filter(s -> s.metadata().deletionTimestamp() == null)
            .orElse(null);
    return new BindingInputs(
        store,
        binding,
        service,
        service == null ? List.of() : GatedSlices.of(store, namespace, name));
  }

  /** A user's binding that is not being deleted: the input of a binding stack. */
  static boolean isInput(K8sObject object) {
    return object instanceof K8sTargetGroupBinding b
        && !b.writtenByLbr()
        && b.metadata().deletionTimestamp() == null
        && b.spec() != null
        && b.spec().serviceRef() != null;
  }

  /** Empty when the binding is gone: its targets are to be deregistered. */
  Optional<K8sTargetGroupBinding> binding() {
    return Optional.ofNullable(binding);
  }

  Optional<K8sService> service() {
    return Optional.ofNullable(service);
  }

  /** The binding and its Service as far as they shape the targets, not their endpoints. */
  String inputHash() {
    Object svc =
        service == null
            ? "absent"
            : List.of(service.metadata().withResourceVersion(null), service.spec());
    return Hashing.sha256(
        List.of(
            BUILDER_VERSION, binding.metadata().withResourceVersion(null), binding.spec(), svc));
  }

  /** The targets of each source, from the stored EndpointSlices or Nodes. */
  Map<String, Set<Target>> targets(Map<String, TargetSource> sources) {
    boolean instance = sources.values().stream().anyMatch(TargetSource::instance);
    String serviceKey = binding.metadata().namespace() + "/" + binding.spec().serviceRef().name();
    return TargetSources.resolve(
        sources, Map.of(serviceKey, slices), instance ? nodes() : List.of());
  }

  private List<K8sNode> nodes() {
    if (nodes == null) {
      nodes = store.liveObjects(Kind.NODE).stream().map(K8sNode.class::cast).toList();
    }
    return nodes;
  }
}
