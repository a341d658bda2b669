package dev.lbr.forwarder.kube;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.ENDPOINT_SLICES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.INGRESSES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.INGRESS_CLASSES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.INGRESS_CLASS_PARAMS;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.NODES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.SERVICES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.TARGET_GROUP_BINDINGS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.event.Projection;
import dev.lbr.event.ResourceVersion;
import dev.lbr.k8s.K8sNode;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.K8sTargetGroupBinding;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KubeInformersTest {

  private FakeKubeApiServer api;
  private final RecordingSink sink = new RecordingSink();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private KubeInformers informers;
  private Duration unservedRetry = KubeInformers.UNSERVED_RETRY;

  @BeforeEach
  void server() throws Exception {
    api = new FakeKubeApiServer();
  }

  @AfterEach
  void stop() {
    if (informers != null) {
      informers.close();
    }
    api.close();
  }

  private void start() {
    start(Duration.ZERO, Set.of());
  }

  private void start(Duration inventoryPeriod, Set<String> namespaces) {
    ApiClient client = new ApiClient().setBasePath(api.url()).setReadTimeout(0);
    informers =
        new KubeInformers(client, sink, inventoryPeriod, namespaces, log::add, unservedRetry);
    informers.start();
    try {
      await("synced and first inventory", () -> !sink.inventories().isEmpty());
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage()
              + "; lists "
              + api.listRequests
              + ", watches "
              + api.watchRequests
              + ", log "
              + log
              + ", synced "
              + informers.hasSynced(),
          e);
    }
  }

  @Test
  void objectsCreatedThroughTheApiArriveProjectedWithoutManagedFields() {
    String rv = api.apply(SERVICES, Objects.nlbService("shop", "web", "one"));
    api.apply(NODES, Objects.node("node-a"));
    start();

    K8sService web = (K8sService) sink.upsertsOf("web").get(0);
    assertThat(web.metadata().resourceVersion()).isEqualTo(rv);
    assertThat(web.metadata().annotation("marker")).isEqualTo("one");
    assertThat(Projection.toJson(web).toString()).doesNotContain("managedFields", "status");
    K8sNode node = (K8sNode) sink.upsertsOf("node-a").get(0);
    assertThat(Projection.toJson(node).toString())
        .doesNotContain("managedFields", "kubelet is posting");
    assertThat(sink.inventories().get(0).live().get(Kind.SERVICE))
        .containsExactly(new ObjectKey(Kind.SERVICE, "shop", "web"));

    String rv2 = api.apply(SERVICES, Objects.nlbService("shop", "web", "two"));
    api.apply(SERVICES, Objects.nlbService("shop", "api", "one"));
    await("update and create arrive", () -> sink.upsertsOf("api").size() == 1);
    await("update arrives", () -> sink.upsertsOf("web").size() == 2);
    assertThat(sink.upsertsOf("web").get(1).metadata().resourceVersion()).isEqualTo(rv2);

    String deleted = api.delete(SERVICES, "shop", "api");
    await("delete arrives", () -> sink.deletes().size() == 1);
    assertThat(sink.deletes().get(0))
        .isEqualTo(new RecordingSink.Delete(new ObjectKey(Kind.SERVICE, "shop", "api"), deleted));
    assertThat(log).isEmpty();
  }

  @Test
  void aGoneErrorEventReListsWithNoLostOrStaleUpdate() {
    api.apply(SERVICES, Objects.nlbService("shop", "web", "one"));
    api.apply(SERVICES, Objects.nlbService("shop", "old", "one"));
    start();
    int lists = api.listRequests.size();

    api.pauseWatches();
    api.apply(SERVICES, Objects.nlbService("shop", "web", "two"));
    String latest = api.apply(SERVICES, Objects.nlbService("shop", "web", "three"));
    String oldDeleted = api.delete(SERVICES, "shop", "old");
    api.apply(SERVICES, Objects.nlbService("shop", "new", "one"));
    api.compact();
    api.goneOnNextWatch(SERVICES, FakeKubeApiServer.Gone.ERROR_EVENT);
    api.breakWatches();
    api.resumeWatches();

    await("re-listed state arrives", () -> sink.upsertsOf("new").size() == 1);
    await("delete arrives", () -> sink.deletes().size() == 1);
    await("web at its latest", () -> lastVersion(sink.upsertsOf("web")).equals(latest));
    assertThat(api.listRequests.size()).isGreaterThan(lists);
    // the delete was not seen as such: its version is the last one known, never newer than truth
    assertThat(sink.deletes().get(0).key()).isEqualTo(new ObjectKey(Kind.SERVICE, "shop", "old"));
    assertThat(ResourceVersion.compare(sink.deletes().get(0).resourceVersion(), oldDeleted))
        .isLessThanOrEqualTo(0);
    assertNothingStale();
    await(
        "an inventory after the re-list without the deleted Service",
        () ->
            sink.inventories().size() >= 2
                && last(sink.inventories())
                    .live()
                    .get(Kind.SERVICE)
                    .equals(
                        java.util.Set.of(
                            new ObjectKey(Kind.SERVICE, "shop", "web"),
                            new ObjectKey(Kind.SERVICE, "shop", "new"))));
  }

  @Test
  void aGoneStatusReListsToo() {
    api.apply(NODES, Objects.node("node-a"));
    start();
    long nodeLists = api.listRequests.stream().filter(l -> l.startsWith("nodes@")).count();
    api.pauseWatches();
    api.apply(NODES, Objects.node("node-b"));
    api.delete(NODES, null, "node-a");
    api.goneOnNextWatch(NODES, FakeKubeApiServer.Gone.HTTP_STATUS);
    api.breakWatches();
    api.resumeWatches();

    await("node-b arrives", () -> sink.upsertsOf("node-b").size() == 1);
    await("node-a's delete arrives", () -> sink.deletes().size() == 1);
    assertThat(api.listRequests.stream().filter(l -> l.startsWith("nodes@")).count())
        .isGreaterThan(nodeLists);
    assertNothingStale();
  }

  @Test
  void bookmarksMoveTheWatchResumePoint() {
    start();
    await("watching services", () -> api.watchCount(SERVICES) >= 1);
    api.apply(NODES, Objects.node("node-a"));
    String bookmark = api.bookmark(SERVICES);
    sleep(500);
    long watches = api.watchCount(SERVICES);
    api.breakWatches();
    await("services re-watched", () -> api.watchCount(SERVICES) > watches);
    assertThat(api.watchRequests).contains("services@" + bookmark);
  }

  @Test
  void theInventoryIsCompleteUpToTheInformersVersionAndBookmarksKeepItFresh() {
    String listed = api.apply(SERVICES, Objects.nlbService("shop", "web", "one"));
    start(Duration.ofMillis(300), Set.of());
    assertThat(sink.inventories().get(0).resourceVersion()).isEqualTo(listed);

    // A quiet kind would hold the inventory's version back; bookmarks move every informer on.
    String node = api.apply(NODES, Objects.node("node-a"));
    FakeKubeApiServer.RESOURCES.forEach(api::bookmark);
    await(
        "an inventory complete up to the Node and the bookmarks",
        () -> ResourceVersion.compare(last(sink.inventories()).resourceVersion(), node) > 0);
    assertThat(last(sink.inventories()).live().get(Kind.NODE))
        .containsExactly(new ObjectKey(Kind.NODE, "", "node-a"));
  }

  @Test
  void aNamespaceFilterWatchesOnlyThoseNamespacesAndClusterScopedKindsWhole() {
    api.apply(SERVICES, Objects.nlbService("shop", "web", "one"));
    api.apply(SERVICES, Objects.nlbService("blog", "api", "one"));
    api.apply(SERVICES, Objects.nlbService("other", "hidden", "one"));
    api.apply(NODES, Objects.node("node-a"));
    start(Duration.ZERO, Set.of("shop", "blog"));

    assertThat(sink.upserts().stream().map(o -> o.key().toString()))
        .containsExactlyInAnyOrder("Service shop/web", "Service blog/api", "Node node-a");
    assertThat(api.listRequests)
        .anyMatch(l -> l.startsWith("services[shop]@"))
        .anyMatch(l -> l.startsWith("endpointslices[blog]@"))
        .anyMatch(l -> l.startsWith("targetgroupbindings[shop]@"))
        .anyMatch(l -> l.startsWith("nodes@"))
        .noneMatch(l -> l.startsWith("services@") || l.startsWith("ingresses@"));

    api.apply(SERVICES, Objects.nlbService("other", "later", "one"));
    api.apply(SERVICES, Objects.nlbService("blog", "later", "one"));
    await("the watched namespace's Service", () -> sink.upsertsOf("later").size() == 1);
    assertThat(sink.upsertsOf("later").get(0).key().namespace()).isEqualTo("blog");
  }

  @Test
  void onlyWhatTheReconcilerUsesIsSent() {
    api.apply(INGRESS_CLASSES, Objects.albClass("alb"));
    api.apply(INGRESS_CLASSES, Objects.otherClass("nginx"));
    api.apply(INGRESS_CLASS_PARAMS, Objects.params("alb-params"));
    api.apply(SERVICES, Objects.nlbService("shop", "nlb", "one"));
    api.apply(SERVICES, Objects.clusterIpService("shop", "backend"));
    api.apply(SERVICES, Objects.clusterIpService("shop", "other"));
    api.apply(ENDPOINT_SLICES, Objects.slice("shop", "nlb-abc", "nlb", "10.0.0.1"));
    api.apply(ENDPOINT_SLICES, Objects.slice("shop", "backend-abc", "backend", "10.0.0.2"));
    api.apply(ENDPOINT_SLICES, Objects.slice("shop", "other-abc", "other", "10.0.0.3"));
    api.apply(INGRESSES, Objects.ingress("shop", "nginx-ing", "nginx", "other"));
    start();

    assertThat(sink.upserts().stream().map(o -> o.key().toString()))
        .containsExactlyInAnyOrder(
            "IngressClass alb",
            "IngressClass nginx",
            "IngressClassParams alb-params",
            "Service shop/nlb",
            "EndpointSlice shop/nlb-abc");

    int before = sink.upserts().size();
    api.apply(INGRESSES, Objects.ingress("shop", "alb-ing", "alb", "backend"));
    await(
        "the Ingress, its Service and the Service's current slices",
        () -> sink.upserts().size() == before + 3);
    assertThat(sink.upserts().subList(before, before + 3).stream().map(o -> o.key().toString()))
        .containsExactlyInAnyOrder(
            "Ingress shop/alb-ing", "Service shop/backend", "EndpointSlice shop/backend-abc");

    api.apply(ENDPOINT_SLICES, Objects.slice("shop", "other-def", "other", "10.0.0.4"));
    api.apply(ENDPOINT_SLICES, Objects.slice("shop", "backend-def", "backend", "10.0.0.5"));
    await("slices of referenced Services follow", () -> !sink.upsertsOf("backend-def").isEmpty());
    assertThat(sink.upsertsOf("other-def")).isEmpty();
    assertThat(sink.upsertsOf("nginx-ing")).isEmpty();
  }

  @Test
  void aUsersTargetGroupBindingArrivesWithItsServiceAndLbrsOwnDoNot() {
    api.apply(SERVICES, Objects.clusterIpService("shop", "backend"));
    api.apply(ENDPOINT_SLICES, Objects.slice("shop", "backend-abc", "backend", "10.0.0.2"));
    api.apply(TARGET_GROUP_BINDINGS, Objects.binding("shop", "k8s-shop-web", "web", true));
    start();
    assertThat(sink.upserts()).isEmpty();

    String rv = api.apply(TARGET_GROUP_BINDINGS, Objects.binding("shop", "byo", "backend", false));
    await("the binding, its Service and the Service's slices", () -> sink.upserts().size() == 3);
    assertThat(sink.upserts().stream().map(o -> o.key().toString()))
        .containsExactlyInAnyOrder(
            "TargetGroupBinding shop/byo",
            "Service shop/backend",
            "EndpointSlice shop/backend-abc");
    K8sTargetGroupBinding binding = (K8sTargetGroupBinding) sink.upsertsOf("byo").get(0);
    assertThat(binding.metadata().resourceVersion()).isEqualTo(rv);
    assertThat(binding.spec().serviceRef())
        .isEqualTo(new K8sTargetGroupBinding.ServiceRef("backend", "80"));
    assertThat(Projection.toJson(binding).toString())
        .doesNotContain("managedFields", "observedGeneration");

    api.delete(TARGET_GROUP_BINDINGS, "shop", "byo");
    await("the binding's delete", () -> sink.deletes().size() == 1);
    assertThat(sink.deletes().get(0).key())
        .isEqualTo(new ObjectKey(Kind.TARGET_GROUP_BINDING, "shop", "byo"));
    assertThat(log).isEmpty();
  }

  @Test
  void aKindWhoseCrdIsMissingCountsAsEmptyAndIsListedAgainUntilItIsServed() {
    api.apply(SERVICES, Objects.nlbService("shop", "web", "one"));
    api.fail(TARGET_GROUP_BINDINGS, FakeKubeApiServer.Failure.NOT_FOUND);
    unservedRetry = Duration.ofMillis(100);
    start(); // synced: the first inventory arrives

    assertThat(informers.healthy()).isTrue();
    assertThat(sink.inventories().get(0).live().get(Kind.TARGET_GROUP_BINDING)).isEmpty();
    assertThat(sink.inventories().get(0).live().get(Kind.SERVICE))
        .containsExactly(new ObjectKey(Kind.SERVICE, "shop", "web"));
    await("listed again (with backoff)", () -> bindingLists() >= 3);
    assertThat(log).singleElement().asString().contains("targetgroupbindings not served (HTTP 404");
    assertThat(api.notFoundRequests)
        .as("no watch while not served")
        .allMatch(r -> r.endsWith("list"));
    assertThat(informers.healthy()).isTrue();

    // the CRD is applied, and a binding created
    api.apply(TARGET_GROUP_BINDINGS, Objects.binding("shop", "byo", "web", false));
    api.heal(TARGET_GROUP_BINDINGS);
    await("the binding, once served", () -> sink.upsertsOf("byo").size() == 1);
    await("watched", () -> api.watchCount(TARGET_GROUP_BINDINGS) >= 1);
    assertThat(informers.healthy()).isTrue();

    // the CRD is deleted: the watch ends, and its objects with it
    api.fail(TARGET_GROUP_BINDINGS, FakeKubeApiServer.Failure.NOT_FOUND);
    await(
        "the binding's delete, and an inventory without it",
        () ->
            sink.deletes().stream().anyMatch(d -> d.key().name().equals("byo"))
                && last(sink.inventories()).live().get(Kind.TARGET_GROUP_BINDING).isEmpty());
    assertThat(log).hasSize(2).allMatch(line -> line.contains("not served"));
    assertThat(informers.healthy()).isTrue();
  }

  private long bindingLists() {
    return api.notFoundRequests.stream().filter(r -> r.equals("targetgroupbindings list")).count();
  }

  private void assertNothingStale() {
    Map<ObjectKey, String> seen = new HashMap<>();
    for (RecordingSink.Call call : sink.calls) {
      if (call instanceof RecordingSink.Upsert u) {
        K8sObject o = u.object();
        String previous = seen.put(o.key(), o.metadata().resourceVersion());
        if (previous != null) {
          assertThat(ResourceVersion.isNewer(o.metadata().resourceVersion(), previous))
              .as("%s sent at %s after %s", o.key(), o.metadata().resourceVersion(), previous)
              .isTrue();
        }
      } else if (call instanceof RecordingSink.Delete d) {
        seen.remove(d.key());
      }
    }
  }

  private static String lastVersion(List<K8sObject> objects) {
    return objects.isEmpty() ? "" : objects.get(objects.size() - 1).metadata().resourceVersion();
  }

  static <T> T last(List<T> items) {
    return items.get(items.size() - 1);
  }

  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      sleep(20);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
