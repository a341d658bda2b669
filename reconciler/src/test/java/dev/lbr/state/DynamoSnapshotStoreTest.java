package dev.lbr.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sEndpointSlice.Endpoint;
import dev.lbr.k8s.K8sNode;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.k8s.ObjectMeta;
import dev.lbr.state.SnapshotStore.Outcome;
import dev.lbr.state.SnapshotStore.StoredObject;
import dev.lbr.testing.DynamoDbLocal;
import dev.lbr.testing.MutableClock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoSnapshotStoreTest {
  private final String table = DynamoDbLocal.freshTable();
  private final MutableClock clock = MutableClock.start();
  private final DynamoSnapshotStore store =
      new DynamoSnapshotStore(DynamoDbLocal.client(), table, "prod", clock);

  private static final ObjectKey ECHO = new ObjectKey(Kind.SERVICE, "default", "echo");

  @Test
  void aNewerVersionReplacesTheStoredOne() {
    assertThat(store.upsert(service("echo", "5", "a"))).isEqualTo(Outcome.WRITTEN);
    assertThat(store.upsert(service("echo", "6", "b"))).isEqualTo(Outcome.WRITTEN);

    assertThat(store.get(ECHO)).contains(service("echo", "6", "b"));
  }

  @Test
  void anOlderOrEqualVersionIsStaleAndChangesNothing() {
    store.upsert(service("echo", "10", "current"));

    assertThat(store.upsert(service("echo", "9", "older"))).isEqualTo(Outcome.STALE);
    assertThat(store.upsert(service("echo", "10", "duplicate"))).isEqualTo(Outcome.STALE);
    assertThat(store.get(ECHO)).contains(service("echo", "10", "current"));
  }

  @Test
  void resourceVersionsCompareAsNumbersNotText() {
    store.upsert(service("echo", "9", "nine"));

    assertThat(store.upsert(service("echo", "10", "ten"))).isEqualTo(Outcome.WRITTEN);
    assertThat(store.upsert(service("echo", "9", "nine"))).isEqualTo(Outcome.STALE);
    assertThat(store.read(ECHO).orElseThrow().resourceVersion()).isEqualTo("10");
  }

  @Test
  void duplicatedAndReorderedEventsLeaveTheNewest() {
    List<String> arrival = List.of("3", "1", "4", "1", "5", "2", "5", "4");

    arrival.forEach(rv -> store.upsert(service("echo", rv, "v" + rv)));

    assertThat(store.get(ECHO)).contains(service("echo", "5", "v5"));
  }

  @Test
  void aNonNumericResourceVersionIsRejectedNamingTheObject() {
    assertThatThrownBy(() -> store.upsert(service("echo", "abc", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Service default/echo")
        .hasMessageContaining("abc");
    assertThatThrownBy(() -> store.delete(ECHO, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Service default/echo");
  }

  @Test
  void deleteLeavesATombstoneThatRejectsOlderUpserts() {
    store.upsert(service("echo", "5", "a"));

    assertThat(store.delete(ECHO, "7")).isEqualTo(Outcome.WRITTEN);

    StoredObject tombstone = store.read(ECHO).orElseThrow();
    assertThat(tombstone.resourceVersion()).isEqualTo("7");
    assertThat(tombstone.deleted()).isTrue();
    assertThat(tombstone.object()).isNull();
    assertThat(store.get(ECHO)).isEmpty();
    assertThat(store.upsert(service("echo", "6", "late update"))).isEqualTo(Outcome.STALE);
    assertThat(store.upsert(service("echo", "7", "same version"))).isEqualTo(Outcome.STALE);
    assertThat(store.get(ECHO)).isEmpty();
  }

  @Test
  void aNewerUpsertRecreatesADeletedObject() {
    store.upsert(service("echo", "5", "a"));
    store.delete(ECHO, "7");

    assertThat(store.upsert(service("echo", "8", "recreated"))).isEqualTo(Outcome.WRITTEN);

    assertThat(store.get(ECHO)).contains(service("echo", "8", "recreated"));
    assertThat(rawItem(ECHO)).doesNotContainKey(StateTable.EXPIRES_AT);
  }

  @Test
  void deleteAcceptsTheStoredVersionButNotAnOlderOne() {
    store.upsert(service("echo", "5", "a"));

    assertThat(store.delete(ECHO, "4")).isEqualTo(Outcome.STALE);
    assertThat(store.get(ECHO)).isPresent();
    assertThat(store.delete(ECHO, "5")).isEqualTo(Outcome.WRITTEN);
    assertThat(store.get(ECHO)).isEmpty();
  }

  @Test
  void deletingAnUnknownObjectLeavesATombstoneForItsLateCreation() {
    assertThat(store.delete(ECHO, "9")).isEqualTo(Outcome.WRITTEN);

    assertThat(store.upsert(service("echo", "8", "created before the delete")))
        .isEqualTo(Outcome.STALE);
    assertThat(store.read(ECHO).orElseThrow().deleted()).isTrue();
  }

  @Test
  void tombstonesExpireADayAfterTheDelete() {
    store.delete(ECHO, "9");

    long expected = clock.instant().plus(Duration.ofHours(24)).getEpochSecond();
    assertThat(rawItem(ECHO).get(StateTable.EXPIRES_AT).n()).isEqualTo(Long.toString(expected));
  }

  @Test
  void anEndpointSliceIsDeletedByItsKeyAlone() {
    store.upsert(slice("echo-abcde", "echo", "3", "10.0.0.1"));
    ObjectKey key = new ObjectKey(Kind.ENDPOINT_SLICE, "default", "echo-abcde");

    assertThat(store.delete(key, "4")).isEqualTo(Outcome.WRITTEN);

    assertThat(store.get(key)).isEmpty();
    assertThat(store.endpointSlices("default", "echo")).isEmpty();
    assertThat(store.upsert(slice("echo-abcde", "echo", "3", "10.0.0.1"))).isEqualTo(Outcome.STALE);
    assertThat(store.endpointSlices("default", "echo")).isEmpty();
  }

  @Test
  void slicesAreListedPerServiceOnly() {
    var first = slice("echo-aaaaa", "echo", "3", "10.0.0.1");
    var second = slice("echo-bbbbb", "echo", "4", "10.0.0.2");
    store.upsert(first);
    store.upsert(second);
    store.upsert(slice("echo-two-ccccc", "echo-two", "5", "10.0.0.3"));
    store.upsert(slice("ech-ddddd", "ech", "6", "10.0.0.4"));
    store.upsert(sliceIn("other", "echo-eeeee", "echo", "7", "10.0.0.5"));
    store.upsert(sliceIn("default", "orphan", null, "8", "10.0.0.6"));

    assertThat(store.endpointSlices("default", "echo")).containsExactlyInAnyOrder(first, second);
  }

  @Test
  void aSliceRelabelledToAnotherServiceMovesWithIt() {
    store.upsert(slice("custom", "echo", "3", "10.0.0.1"));
    var moved = slice("custom", "other", "4", "10.0.0.1");

    store.upsert(moved);

    assertThat(store.endpointSlices("default", "echo")).isEmpty();
    assertThat(store.endpointSlices("default", "other")).containsExactly(moved);
  }

  @Test
  void liveKeysListEveryLiveObjectOfTheKindButNoTombstones() {
    store.upsert(service("echo", "1", "a"));
    store.upsert(service("web", "2", "a"));
    store.upsert(service("gone", "3", "a"));
    store.delete(new ObjectKey(Kind.SERVICE, "default", "gone"), "4");
    store.delete(new ObjectKey(Kind.SERVICE, "default", "never-seen"), "5");
    store.upsert(slice("echo-abcde", "echo", "6", "10.0.0.1"));
    store.upsert(node("ip-10-0-0-1", "7"));

    assertThat(store.liveKeys(Kind.SERVICE))
        .containsExactlyInAnyOrder(ECHO, new ObjectKey(Kind.SERVICE, "default", "web"));
    assertThat(store.liveKeys(Kind.NODE))
        .containsExactly(new ObjectKey(Kind.NODE, "", "ip-10-0-0-1"));
    assertThat(store.get(new ObjectKey(Kind.NODE, "", "ip-10-0-0-1")))
        .contains(node("ip-10-0-0-1", "7"));
  }

  @Test
  void liveObjectsReturnEveryLiveObjectOfTheKindButNoTombstones() {
    store.upsert(service("echo", "1", "a"));
    store.upsert(service("gone", "2", "a"));
    store.delete(new ObjectKey(Kind.SERVICE, "default", "gone"), "3");
    store.upsert(slice("echo-abcde", "echo", "4", "10.0.0.1"));

    assertThat(store.liveObjects(Kind.SERVICE)).containsExactly(service("echo", "1", "a"));
    assertThat(store.liveObjects(Kind.INGRESS)).isEmpty();
  }

  @Test
  void liveKeysReadEveryPage() {
    String padding = "x".repeat(20_000);
    for (int i = 0; i < 80; i++) {
      store.upsert(service("svc-" + i, Integer.toString(i + 1), padding));
    }

    assertThat(store.liveKeys(Kind.SERVICE)).hasSize(80);
    assertThat(store.liveObjects(Kind.SERVICE)).hasSize(80);
  }

  @Test
  void clustersSharingATableDoNotSeeEachOther() {
    var staging = new DynamoSnapshotStore(DynamoDbLocal.client(), table, "staging", clock);
    store.upsert(service("echo", "5", "prod"));
    store.upsert(slice("echo-abcde", "echo", "6", "10.0.0.1"));

    assertThat(staging.get(ECHO)).isEmpty();
    assertThat(staging.liveKeys(Kind.SERVICE)).isEmpty();
    assertThat(staging.endpointSlices("default", "echo")).isEmpty();
    assertThat(staging.upsert(service("echo", "1", "staging"))).isEqualTo(Outcome.WRITTEN);
    assertThat(store.get(ECHO)).contains(service("echo", "5", "prod"));
  }

  private Map<String, AttributeValue> rawItem(ObjectKey key) {
    return DynamoDbLocal.client()
        .getItem(
            b ->
                b.tableName(table)
                    .key(
                        StateKeys.key(
                            StateKeys.objects("prod", key.kind()), StateKeys.object(key))))
        .item();
  }

  private static K8sService service(String name, String rv, String marker) {
    var meta =
        new ObjectMeta(
            "default",
            name,
            "uid-" + name,
            rv,
            Map.of("app", name),
            Map.of("marker", marker),
            null,
            null);
    var port = new K8sService.Port("http", "TCP", 80, "8080", null);
    return new K8sService(
        meta,
        new K8sService.Spec(
            "LoadBalancer", null, List.of(port), Map.of("app", name), null, null, null, null));
  }

  private static K8sEndpointSlice slice(String name, String service, String rv, String... ips) {
    return sliceIn("default", name, service, rv, ips);
  }

  private static K8sEndpointSlice sliceIn(
      String namespace, String name, String service, String rv, String... ips) {
    Map<String, String> labels =
        service == null ? Map.of() : Map.of(K8sEndpointSlice.SERVICE_NAME_LABEL, service);
    var meta = new ObjectMeta(namespace, name, "uid-" + name, rv, labels, null, null, null);
    List<Endpoint> endpoints =
        Arrays.stream(ips)
            .map(
                ip ->
                    new Endpoint(
                        List.of(ip),
                        new K8sEndpointSlice.Conditions(true, true, false),
                        "node-a",
                        "eu-west-1a",
                        new K8sEndpointSlice.TargetRef("Pod", namespace, "pod-" + ip)))
            .toList();
    return new K8sEndpointSlice(
        meta, "IPv4", List.of(new K8sEndpointSlice.Port("http", 8080, "TCP")), endpoints);
  }

  private static K8sObject node(String name, String rv) {
    var meta = new ObjectMeta(null, name, "uid-" + name, rv, Map.of(), Map.of(), null, null);
    return new K8sNode(meta, new K8sNode.Spec("aws:///eu-west-1a/i-0123", null, null), null);
  }

  @Test
  void aReCreatedObjectReplacesATombstoneOfAnotherUidWhateverItsVersion() {
    store.upsert(service("echo", "5", "a"));
    store.delete(ECHO, "9000000000", "uid-forged");

    assertThat(store.upsert(service("echo", "6", "re-created"))).isEqualTo(Outcome.WRITTEN);
    store.delete(ECHO, "9000000001", "uid-echo");
    assertThat(store.upsert(service("echo", "7", "late")))
        .as("same uid: stale")
        .isEqualTo(Outcome.STALE);
  }

  @Test
  void aSuspectRecordIsReplacedByTheNextUpsertAndProvisionalMarksComeAndGo() {
    store.upsert(service("echo", "10000000000", "forged"));
    assertThat(store.upsert(service("echo", "6", "real"))).isEqualTo(Outcome.STALE);

    assertThat(store.markSuspect(ECHO, "10000000000")).isTrue();
    assertThat(store.upsert(service("echo", "6", "real"))).isEqualTo(Outcome.WRITTEN);
    assertThat(store.get(ECHO)).contains(service("echo", "6", "real"));

    assertThat(store.markProvisional(ECHO, "5", "100", clock.instant()))
        .as("not the stored version")
        .isFalse();
    assertThat(store.markProvisional(ECHO, "6", "100", clock.instant())).isTrue();
    assertThat(store.provisional(Kind.SERVICE)).extracting(StoredObject::key).containsExactly(ECHO);
    assertThat(store.get(ECHO)).as("still live").isPresent();
    assertThat(store.clearProvisional(ECHO, "6")).isTrue();
    assertThat(store.provisional(Kind.SERVICE)).isEmpty();
  }
}
