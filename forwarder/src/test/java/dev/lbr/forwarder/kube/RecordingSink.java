package dev.lbr.forwarder.kube;

import dev.lbr.forwarder.ChangeSink;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the informers hand over, in order. */
final class RecordingSink implements ChangeSink {

  sealed interface Call permits Upsert, Delete, Inventory {}

  record Upsert(K8sObject object) implements Call {}

  record Delete(ObjectKey key, String resourceVersion) implements Call {}

  record Inventory(Map<Kind, Set<ObjectKey>> live, String resourceVersion) implements Call {}

  final List<Call> calls = new CopyOnWriteArrayList<>();

  /** The last state each delete carried, in order. */
  final List<K8sObject> deletedStates = new CopyOnWriteArrayList<>();

  @Override
  public void upsert(K8sObject object) {
    calls.add(new Upsert(object));
  }

  @Override
  public void delete(ObjectKey key, String resourceVersion, K8sObject last) {
    deletedStates.add(last);
    calls.add(new Delete(key, resourceVersion));
  }

  @Override
  public void inventory(Map<Kind, Set<ObjectKey>> liveKeys, String resourceVersion) {
    calls.add(new Inventory(liveKeys, resourceVersion));
  }

  List<K8sObject> upserts() {
    return calls.stream().filter(c -> c instanceof Upsert).map(c -> ((Upsert) c).object()).toList();
  }

  List<K8sObject> upsertsOf(String name) {
    return upserts().stream().filter(o -> o.metadata().name().equals(name)).toList();
  }

  List<Delete> deletes() {
    return calls.stream().filter(c -> c instanceof Delete).map(c -> (Delete) c).toList();
  }

  List<Inventory> inventories() {
    return calls.stream().filter(c -> c instanceof Inventory).map(c -> (Inventory) c).toList();
  }
}
