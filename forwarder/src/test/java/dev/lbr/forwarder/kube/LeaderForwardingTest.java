package dev.lbr.forwarder.kube;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.SERVICES;
import static dev.lbr.forwarder.kube.KubeInformersTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeaderForwardingTest {

  private FakeKubeApiServer api;
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final RecordingSink sinkA = new RecordingSink();
  private final RecordingSink sinkB = new RecordingSink();
  private LeaderForwarding a;
  private LeaderForwarding b;

  @BeforeEach
  void server() throws Exception {
    api = new FakeKubeApiServer();
  }

  @AfterEach
  void stop() {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
    api.close();
  }

  private LeaderForwarding replica(String identity, RecordingSink sink) {
    ApiClient client = new ApiClient().setBasePath(api.url()).setReadTimeout(0);
    LeaderForwarding replica =
        new LeaderForwarding(
            client,
            new LeaseElector.Config(
                "lbr-system",
                "lbr-forwarder",
                identity,
                Duration.ofSeconds(1),
                Duration.ofMillis(200)),
            () -> new KubeInformers(client, sink, Duration.ZERO, log::add),
            log::add);
    replica.start();
    return replica;
  }

  @Test
  void onlyTheLeaderForwardsAndKillingItHandsOverWithNothingLost() {
    api.apply(SERVICES, Objects.nlbService("shop", "web", "one"));
    a = replica("replica-a", sinkA);
    await("a leads", a::isLeader);
    b = replica("replica-b", sinkB);
    await("a forwards", () -> !sinkA.inventories().isEmpty());
    api.apply(SERVICES, Objects.nlbService("shop", "api", "one"));
    await("a forwards changes", () -> sinkA.upsertsOf("api").size() == 1);
    assertThat(b.isLeader()).isFalse();
    assertThat(sinkB.calls).isEmpty();

    a.crash();
    String latest = api.apply(SERVICES, Objects.nlbService("shop", "web", "two"));
    api.delete(SERVICES, "shop", "api");
    api.apply(SERVICES, Objects.nlbService("shop", "new", "one"));

    await("b takes over", b::isLeader);
    assertThat(api.leaseHolder("lbr-system", "lbr-forwarder")).isEqualTo("replica-b");
    await("b sends the current state", () -> !sinkB.inventories().isEmpty());
    assertThat(sinkB.upsertsOf("web"))
        .singleElement()
        .satisfies(o -> assertThat(o.metadata().resourceVersion()).isEqualTo(latest));
    assertThat(sinkB.upsertsOf("new")).hasSize(1);
    // the delete made while nobody led reaches the reconciler through the inventory
    assertThat(sinkB.inventories().get(0).live().get(Kind.SERVICE))
        .isEqualTo(
            Set.of(
                new ObjectKey(Kind.SERVICE, "shop", "web"),
                new ObjectKey(Kind.SERVICE, "shop", "new")));
    assertThat(sinkA.upsertsOf("new")).isEmpty();
  }

  @Test
  void aLeaderThatStopsReleasesTheLeaseForAQuickHandover() {
    a = replica("replica-a", sinkA);
    await("a leads", a::isLeader);
    b = replica("replica-b", sinkB);
    a.close();
    long start = System.nanoTime();
    await("b takes over", b::isLeader);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
  }
}
