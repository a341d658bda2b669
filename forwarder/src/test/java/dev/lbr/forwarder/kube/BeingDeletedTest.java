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
import org.junit.jupiter.api.Test;

/** An object deleted while finalizers hold it (metadata.deletionTimestamp set). */
class BeingDeletedTest {

  private final RecordingSink sink = new RecordingSink();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private FakeKubeApiServer api;
  private KubeInformers informers;

  @AfterEach
  void stop() {
    if (informers != null) {
      informers.close();
    }
    if (api != null) {
      api.close();
    }
  }

  @Test
  void aServiceBeingDeletedIsForwardedAsADeleteAndLeavesTheInventory() throws Exception {
    api = new FakeKubeApiServer();
    api.apply(SERVICES, Objects.nlbService("shop", "web", "one"));
    api.apply(SERVICES, Objects.nlbService("shop", "api", "one"));
    ApiClient client = new ApiClient().setBasePath(api.url()).setReadTimeout(0);
    informers = new KubeInformers(client, sink, Duration.ofMillis(300), Set.of(), log::add);
    informers.start();
    await("synced", () -> !sink.inventories().isEmpty());

    String deleting =
        api.apply(SERVICES, Objects.beingDeleted(Objects.nlbService("shop", "web", "one")));
    ObjectKey web = new ObjectKey(Kind.SERVICE, "shop", "web");
    await("a delete", () -> sink.deletes().size() == 1);
    assertThat(sink.deletes()).containsExactly(new RecordingSink.Delete(web, deleting));
    assertThat(sink.deletedStates.get(0).metadata().deletionTimestamp()).isNotNull();
    assertThat(sink.upsertsOf("web")).hasSize(1);
    int inventories = sink.inventories().size();
    await(
        "an inventory without it",
        () ->
            sink.inventories().size() > inventories
                && !KubeInformersTest.last(sink.inventories())
                    .live()
                    .get(Kind.SERVICE)
                    .contains(web));

    String gone = api.delete(SERVICES, "shop", "web");
    await("the final delete too", () -> sink.deletes().size() == 2);
    assertThat(sink.deletes().get(1)).isEqualTo(new RecordingSink.Delete(web, gone));
    assertThat(KubeInformersTest.last(sink.inventories()).live().get(Kind.SERVICE))
        .contains(new ObjectKey(Kind.SERVICE, "shop", "api"));
    assertThat(log).isEmpty();
  }
}
