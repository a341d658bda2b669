package dev.lbr.forwarder.kube;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.NODES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.SERVICES;
import static dev.lbr.forwarder.kube.KubeInformersTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.forwarder.ForwarderOptions;
import dev.lbr.forwarder.kube.FakeKubeApiServer.Failure;
import dev.lbr.forwarder.publish.ForwarderMetrics;
import dev.lbr.forwarder.publish.OpsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /readyz of a leading forwarder: 200 only while every kind is listed and watched. */
class ReadinessTest {

  private FakeKubeApiServer api;
  private KubeChangeSource source;
  private OpsServer ops;
  private final RecordingSink sink = new RecordingSink();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;

  @BeforeEach
  void server() throws Exception {
    api = new FakeKubeApiServer();
    api.apply(SERVICES, Objects.nlbService("shop", "web", "one"));
  }

  @AfterEach
  void stop() {
    if (ops != null) {
      ops.close();
    }
    if (source != null) {
      source.close();
    }
    api.close();
    http.close();
  }

  /** The leader's side of the forwarder and its ops server, wired as {@code Forwarder} does. */
  private void startForwarder() throws Exception {
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, api.kubeconfig());
    ForwarderOptions options =
        ForwarderOptions.parse(
            new String[] {"--cluster=c", "--stdout", "--http-port=0", "--kubeconfig=" + kubeconfig},
            Map.of());
    source = new KubeChangeSource(Map.of("POD_NAME", "fwd-0", "POD_NAMESPACE", "lbr"), log::add);
    ops = new OpsServer(0, source::ready, new ForwarderMetrics(Clock.systemUTC()));
    source.start(options, sink);
    await("leading", () -> "fwd-0".equals(api.leaseHolder("lbr", "lbr-forwarder")));
  }

  private int readyz() {
    try {
      URI uri = URI.create("http://127.0.0.1:" + ops.port() + "/readyz");
      return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
          .statusCode();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private boolean logged(String text) {
    return log.stream().anyMatch(line -> line.contains(text));
  }

  @Test
  void aLeaderWhoseListFailsIsNotReadyUntilTheListWorks() throws Exception {
    api.fail(NODES, Failure.GARBAGE);
    startForwarder();
    await("the failing list reported", () -> logged("nodes list failing"));
    assertThat(readyz()).isEqualTo(503);

    api.heal(NODES);
    await("ready once nodes are listed and watched", () -> readyz() == 200);
    assertThat(sink.upsertsOf("web")).hasSize(1);
  }

  @Test
  void aKindWhoseWatchStartsFailingTurnsReadinessOffUntilItRecovers() throws Exception {
    startForwarder();
    await("ready", () -> readyz() == 200 && !sink.inventories().isEmpty());

    api.fail(SERVICES, Failure.SERVER_ERROR);
    await("not ready while services fail", () -> readyz() == 503);
    assertThat(log).anyMatch(line -> line.contains("services") && line.contains("HTTP 500"));

    api.apply(SERVICES, Objects.nlbService("shop", "late", "one"));
    api.heal(SERVICES);
    await("ready again", () -> readyz() == 200);
    await("what changed meanwhile arrives", () -> sink.upsertsOf("late").size() == 1);
  }

  @Test
  void aClusterWithoutTheTargetGroupBindingCrdIsReadyAndSaysSoOnce() throws Exception {
    api.fail(FakeKubeApiServer.TARGET_GROUP_BINDINGS, Failure.NOT_FOUND);
    startForwarder();
    await("ready", () -> readyz() == 200 && !sink.inventories().isEmpty());
    assertThat(sink.upsertsOf("web")).hasSize(1);
    assertThat(log)
        .singleElement()
        .asString()
        .contains("targetgroupbindings not served (HTTP 404", "apply its CRD");
  }
}
