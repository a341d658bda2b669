package dev.lbr.forwarder.kube;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.PODS;
import static dev.lbr.forwarder.kube.KubeInformersTest.await;
import static dev.lbr.forwarder.kube.KubeInformersTest.last;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.K8sPod;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pods reach the sink only when they carry a target-health readiness gate. */
class PodStreamTest {
  static final String GATE = K8sPod.gateFor("k8s-shop-web-6d5c4b3a2f");
  static final String OTHER_GATE = "example.com/feature";

  private FakeKubeApiServer api;
  private final RecordingSink sink = new RecordingSink();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private KubeInformers informers;
  private KubeInformer informer;

  @BeforeEach
  void server() throws Exception {
    api = new FakeKubeApiServer();
  }

  @AfterEach
  void stop() {
    if (informers != null) {
      informers.close();
    }
    if (informer != null) {
      informer.stop();
    }
    api.close();
  }

  private ApiClient client() {
    return new ApiClient().setBasePath(api.url()).setReadTimeout(0);
  }

  private void start(Set<String> namespaces) {
    informers = new KubeInformers(client(), sink, Duration.ZERO, namespaces, log::add);
    informers.start();
    await("synced and first inventory", () -> !sink.inventories().isEmpty());
  }

  private List<String> pods(List<K8sObject> objects) {
    return objects.stream()
        .filter(o -> o.key().kind() == Kind.POD)
        .map(o -> o.key().name())
        .toList();
  }

  private static ObjectKey pod(String name) {
    return new ObjectKey(Kind.POD, "shop", name);
  }

  @Test
  void onlyPodsWithATargetHealthGateAreSentAndInTheInventory() {
    api.apply(PODS, Objects.pod("shop", "web-1", GATE, 0));
    api.apply(PODS, Objects.pod("shop", "plain-1", null, 0));
    api.apply(PODS, Objects.pod("shop", "gated-elsewhere-1", OTHER_GATE, 0));
    start(Set.of());

    assertThat(pods(sink.upserts())).containsExactly("web-1");
    K8sPod web = (K8sPod) sink.upsertsOf("web-1").get(0);
    assertThat(web.hasGate(GATE)).isTrue();
    assertThat(web.status().podIP()).isEqualTo("10.0.1.7");
    assertThat(web.status().conditions())
        .extracting(K8sPod.Condition::type)
        .containsExactly("ContainersReady", "Ready");
    assertThat(last(sink.inventories()).live().get(Kind.POD)).containsExactly(pod("web-1"));

    api.apply(PODS, Objects.pod("shop", "plain-1", null, 1));
    api.apply(PODS, Objects.pod("shop", "plain-2", null, 0));
    api.delete(PODS, "shop", "plain-2");
    api.apply(PODS, Objects.pod("shop", "web-2", GATE, 0));
    await("the later gated pod", () -> sink.upsertsOf("web-2").size() == 1);

    assertThat(pods(sink.upserts())).containsExactly("web-1", "web-2");
    assertThat(sink.deletes()).isEmpty();
    assertThat(log).isEmpty();
  }

  @Test
  void aChangeOnlyToFieldsTheProjectionLeavesOutSendsNothing() {
    api.apply(PODS, Objects.pod("shop", "web-1", GATE, 0));
    start(Set.of());

    api.apply(PODS, Objects.pod("shop", "web-1", GATE, 1)); // a restart count
    api.apply(PODS, Objects.pod("shop", "web-2", GATE, 0));
    await("the later pod", () -> sink.upsertsOf("web-2").size() == 1);
    assertThat(sink.upsertsOf("web-1")).hasSize(1);

    var healthy = Objects.pod("shop", "web-1", GATE, 1);
    ((com.fasterxml.jackson.databind.node.ArrayNode) healthy.with("status").get("conditions"))
        .add(Objects.parse("{'type': '" + GATE + "', 'status': 'True'}"));
    api.apply(PODS, healthy);
    await("the gate's condition", () -> sink.upsertsOf("web-1").size() == 2);
    assertThat(((K8sPod) sink.upsertsOf("web-1").get(1)).condition(GATE)).contains("True");
  }

  @Test
  void aDeletedGatedPodIsSentAsADeleteAndLeavesTheInventory() {
    api.apply(PODS, Objects.pod("shop", "web-1", GATE, 0));
    api.apply(PODS, Objects.pod("shop", "plain-1", null, 0));
    start(Set.of());

    api.delete(PODS, "shop", "plain-1");
    String deleted = api.delete(PODS, "shop", "web-1");
    await("the delete", () -> !sink.deletes().isEmpty());

    assertThat(sink.deletes()).containsExactly(new RecordingSink.Delete(pod("web-1"), deleted));
    assertThat(((K8sPod) sink.deletedStates.get(0)).hasGate(GATE)).isTrue();
    assertThat(informers.hasSynced()).isTrue();
  }

  @Test
  void withANamespaceFilterPodsAreWatchedInThoseNamespacesOnly() {
    api.apply(PODS, Objects.pod("shop", "web-1", GATE, 0));
    api.apply(PODS, Objects.pod("other", "web-1", GATE, 0));
    start(Set.of("shop"));

    assertThat(sink.upserts())
        .extracting(o -> o.key().toString())
        .containsExactly("Pod shop/web-1");
    assertThat(api.listRequests)
        .anyMatch(l -> l.startsWith("pods[shop]@"))
        .noneMatch(l -> l.startsWith("pods@"));
  }

  /**
   * The memory claim: a pod without the gate is never stored, whether listed or watched, and its
   * events still move the informer's version on (as bookmarks).
   */
  @Test
  void theInformerNeverStoresAPodWithoutAGateButFollowsItsVersions() {
    api.apply(PODS, Objects.pod("shop", "web-1", GATE, 0));
    api.apply(PODS, Objects.pod("shop", "plain-1", null, 0));
    List<String> handled = new CopyOnWriteArrayList<>();
    informer =
        new KubeInformer(
            client(),
            KubeResource.PODS,
            null,
            new ResourceEventHandler<>() {
              @Override
              public void onAdd(Projected obj) {
                handled.add("add " + obj.key().name());
              }

              @Override
              public void onUpdate(Projected oldObj, Projected newObj) {
                handled.add("update " + newObj.key().name());
              }

              @Override
              public void onDelete(Projected obj, boolean unknown) {
                handled.add("delete " + obj.key().name());
              }
            },
            () -> {},
            log::add,
            KubeInformers.UNSERVED_RETRY);
    informer.start();
    await("synced", informer::hasSynced);

    api.apply(PODS, Objects.pod("shop", "web-2", GATE, 0));
    api.apply(PODS, Objects.pod("shop", "plain-1", null, 1));
    api.apply(PODS, Objects.pod("shop", "plain-2", null, 0));
    String lastPlain = api.delete(PODS, "shop", "plain-2");
    await(
        "the informer is at the last event",
        () -> lastPlain.equals(informer.lastSyncResourceVersion()));

    assertThat(informer.stored())
        .extracting(p -> p.key().name())
        .containsExactlyInAnyOrder("web-1", "web-2");
    assertThat(handled).containsExactly("add web-1", "add web-2");
    assertThat(log).isEmpty();
  }
}
