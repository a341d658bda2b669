package dev.lbr.reconcile;

import dev.lbr.event.StackResult;
import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sIngress;
import dev.lbr.k8s.K8sIngressClass;
import dev.lbr.k8s.K8sIngressClassParams;
import dev.lbr.k8s.K8sNode;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.model.ClusterFacts;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.StackId;
import dev.lbr.model.Target;
import dev.lbr.model.TargetSource;
import dev.lbr.state.SnapshotStore;
import dev.lbr.translate.ingress.IngressGroupInput;
import dev.lbr.translate.ingress.IngressModelBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An IngressGroup stack: its member Ingresses, their classes and parameters, and the backend
 * Services with their EndpointSlices, as stored.
 */
record IngressStackModel(IngressGroupInput input) implements StackModel {

  /** Bump when the builder changes what it builds from the same input, to force a full pass. */
  static final String BUILDER_VERSION = "ingress-3";

  static IngressStackModel load(SnapshotStore store, StackId id) {
    return load(store, IngressIndex.load(store), id);
  }

  static IngressStackModel load(SnapshotStore store, IngressIndex index, StackId id) {
    List<K8sIngress> members = index.members(id);
    Set<String> backends = new TreeSet<>();
    members.forEach(m -> backends.addAll(IngressModelBuilder.backendServices(m)));
    Map<String, K8sService> services = new TreeMap<>();
    Map<String, List<K8sEndpointSlice>> slices = new TreeMap<>();
    for (String backend : backends) {
      int slash = backend.indexOf('/');
      String namespace = backend.substring(0, slash);
      String name = backend.substring(slash + 1);
      store
          .get(new ObjectKey(Kind.SERVICE, namespace, name))
          .map(K8sService.class::cast)
          .ifPresent(
              svc -> {
                services.put(backend, svc);
                slices.put(backend, GatedSlices.of(store, namespace, name));
              });
    }
    // Nodes are the targets of instance-mode backends (LBC's default). Like endpoints, they are
    // not part of the input hash: a Node change is a targets-only change.
    List<K8sNode> nodes =
        members.isEmpty()
            ? List.of()
            : store.liveObjects(Kind.NODE).stream().map(K8sNode.class::cast).toList();
    return new IngressStackModel(
        new IngressGroupInput(
            id, members, index.classes(), index.params(), services, slices, nodes));
  }

  @Override
  public StackId id() {
    return input.id();
  }

  @Override
  public String inputHash() {
    // Everything but the endpoints. resourceVersions change on writes to fields we do not read,
    // and the maps' iteration order is unspecified: leave the first out, sort the rest by key.
    List<Object> parts = new ArrayList<>();
    parts.add(BUILDER_VERSION);
    input.members().stream()
        .sorted(Comparator.comparing(i -> i.metadata().namespace() + "/" + i.metadata().name()))
        .forEach(i -> parts.add(withoutVersion(i)));
    Set<String> classNames = new TreeSet<>();
    input.members().forEach(i -> classNames.add(String.valueOf(i.spec().ingressClassName())));
    for (String name : classNames) {
      K8sIngressClass cls = input.classes().get(name);
      parts.add(cls == null ? "no class " + name : withoutVersion(cls));
      if (cls != null && cls.spec() != null && cls.spec().parameters() != null) {
        K8sIngressClassParams p = input.params().get(cls.spec().parameters().name());
        parts.add(p == null ? "no params" : withoutVersion(p));
      }
    }
    new TreeMap<>(input.services()).values().forEach(s -> parts.add(withoutVersion(s)));
    return Hashing.sha256(parts);
  }

  @Override
  public DesiredStack build(ClusterFacts facts) {
    return IngressModelBuilder.build(input, facts);
  }

  @Override
  public List<StackResult.Member> members() {
    return input.members().stream()
        .filter(i -> i.metadata().deletionTimestamp() == null)
        .sorted(Comparator.comparing(i -> i.metadata().namespace() + "/" + i.metadata().name()))
        .map(StackResults::member)
        .toList();
  }

  @Override
  public Map<String, Set<Target>> targets() {
    return IngressModelBuilder.targets(input);
  }

  @Override
  public Map<String, TargetSource> targetSources() {
    return IngressModelBuilder.targetSources(input);
  }

  private static K8sObject withoutVersion(K8sObject o) {
    return o.withMetadata(o.metadata().withResourceVersion(null));
  }
}
