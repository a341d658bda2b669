package dev.lbr.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.manifest.Manifests;
import dev.lbr.state.SnapshotStore.Outcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store keeps the DynamoDB store's rules: newer only, tombstones, slices by label.
 */
class MemorySnapshotStoreTest {

  private static K8sObject service(String name, String rv) {
    return parse(
        """
        apiVersion: v1
        kind: Service
        metadata: {namespace: default, name: %s, resourceVersion: "%s"}
        spec: {type: ClusterIP, ports: [{port: 80}]}
        """
            .formatted(name, rv));
  }

  private static K8sObject slice(String name, String service, String rv) {
    return parse(
        """
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          namespace: default
          name: %s
          resourceVersion: "%s"
          labels: {kubernetes.io/service-name: %s}
        addressType: IPv4
        endpoints: []
        """
            .formatted(name, rv, service));
  }

  private static K8sObject parse(String yaml) {
    return Manifests.parse(yaml, Path.of("test.yaml")).get(0);
  }

  @Test
  void olderVersionsAndDeletionsOfOlderVersionsAreRefused() {
    MemorySnapshotStore store = MemorySnapshotStore.of(List.of(service("echo", "10")));

    assertThat(store.upsert(service("echo", "9"))).isEqualTo(Outcome.STALE);
    assertThat(store.delete(service("echo", "9").key(), "9")).isEqualTo(Outcome.STALE);
    assertThat(store.upsert(service("echo", "11"))).isEqualTo(Outcome.WRITTEN);
    assertThat(store.get(service("echo", "11").key())).contains(service("echo", "11"));
  }

  @Test
  void tombstonesHideTheObjectFromEveryListing() {
    MemorySnapshotStore store =
        MemorySnapshotStore.of(
            List.of(service("echo", "1"), service("web", "2"), slice("echo-a", "echo", "3")));

    store.delete(service("web", "2").key(), "4");

    assertThat(store.liveKeys(Kind.SERVICE)).containsExactly(service("echo", "1").key());
    assertThat(store.liveObjects(Kind.SERVICE)).containsExactly(service("echo", "1"));
    assertThat(store.read(service("web", "2").key()).map(SnapshotStore.StoredObject::deleted))
        .contains(true);
    assertThat(store.endpointSlices("default", "echo")).hasSize(1);
    assertThat(store.endpointSlices("default", "web")).isEmpty();
  }
}
