package dev.lbr.forwarder.kube;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.ENDPOINT_SLICES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.INGRESSES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.INGRESS_CLASSES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.INGRESS_CLASS_PARAMS;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.NODES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.SERVICES;
import static dev.lbr.forwarder.kube.KubeInformersTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.event.Projection;
import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sService;
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

/** A cluster newer than client-java's models: fields the client has never heard of. */
class UnknownFieldsTest {

  private FakeKubeApiServer api;
  private final RecordingSink sink = new RecordingSink();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private KubeInformers informers;

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

  /**
   * Adds a field nobody knows to every object in the tree (top level, metadata, spec, status,
   * ports, endpoints, conditions, rules...) except string maps, whose keys are data.
   */
  static ObjectNode fromTheFuture(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    addEverywhere(copy, "");
    return copy;
  }

  private static void addEverywhere(JsonNode node, String field) {
    if (Set.of("labels", "annotations", "selector").contains(field)) {
      return;
    }
    if (node instanceof ObjectNode o) {
      o.properties().forEach(e -> addEverywhere(e.getValue(), e.getKey()));
      o.put("someNewField", "from a newer Kubernetes");
      o.putObject("someNewObject").put("nested", true);
    } else if (node.isArray()) {
      node.forEach(item -> addEverywhere(item, ""));
    }
  }

  @Test
  void unknownFieldsInListsAndWatchesAreIgnoredForEveryKind() {
    api.apply(INGRESS_CLASSES, fromTheFuture(Objects.albClass("alb")));
    api.apply(INGRESS_CLASS_PARAMS, fromTheFuture(Objects.params("alb-params")));
    api.apply(SERVICES, fromTheFuture(Objects.nlbService("shop", "web", "one")));
    api.apply(ENDPOINT_SLICES, fromTheFuture(Objects.slice("shop", "web-1", "web", "10.0.0.1")));
    api.apply(INGRESSES, fromTheFuture(Objects.ingress("shop", "ing", "alb", "web")));
    api.apply(NODES, fromTheFuture(Objects.node("node-a")));
    ApiClient client = new ApiClient().setBasePath(api.url()).setReadTimeout(0);
    informers = new KubeInformers(client, sink, Duration.ZERO, log::add);
    informers.start();

    await("the listed objects and an inventory", () -> !sink.inventories().isEmpty());
    assertThat(sink.upserts().stream().map(o -> o.key().toString()))
        .containsExactlyInAnyOrder(
            "IngressClass alb",
            "IngressClassParams alb-params",
            "Service shop/web",
            "EndpointSlice shop/web-1",
            "Ingress shop/ing",
            "Node node-a");
    assertThat(((K8sService) sink.upsertsOf("web").get(0)).spec().ports()).hasSize(1);
    assertThat(sink.inventories().get(0).live().get(Kind.NODE))
        .containsExactly(new ObjectKey(Kind.NODE, "", "node-a"));

    api.apply(SERVICES, fromTheFuture(Objects.nlbService("shop", "web", "two")));
    api.apply(ENDPOINT_SLICES, fromTheFuture(Objects.slice("shop", "web-1", "web", "10.0.0.2")));
    api.apply(INGRESSES, fromTheFuture(Objects.ingress("shop", "ing", "alb", "web-other")));
    api.apply(NODES, fromTheFuture(Objects.node("node-b")));
    api.apply(INGRESS_CLASSES, fromTheFuture(Objects.albClass("alb-2")));
    await(
        "the watched changes",
        () ->
            sink.upsertsOf("web").size() == 2
                && sink.upsertsOf("web-1").size() == 2
                && sink.upsertsOf("ing").size() == 2
                && sink.upsertsOf("node-b").size() == 1
                && sink.upsertsOf("alb-2").size() == 1);
    assertThat(sink.upsertsOf("web").get(1).metadata().annotation("marker")).isEqualTo("two");
    K8sEndpointSlice slice = (K8sEndpointSlice) sink.upsertsOf("web-1").get(1);
    assertThat(slice.endpoints().get(0).addresses()).containsExactly("10.0.0.2");

    api.delete(NODES, null, "node-a");
    await("the watched delete", () -> sink.deletes().size() == 1);
    assertThat(log).isEmpty();
    assertThat(informers.healthy()).isTrue();
  }

  @Test
  void theUnknownFieldsDoNotReachTheSink() {
    api.apply(SERVICES, fromTheFuture(Objects.nlbService("shop", "web", "one")));
    ApiClient client = new ApiClient().setBasePath(api.url()).setReadTimeout(0);
    informers = new KubeInformers(client, sink, Duration.ZERO, Set.of(), log::add);
    informers.start();
    await("the Service", () -> sink.upsertsOf("web").size() == 1);
    assertThat(Projection.toJson(sink.upsertsOf("web").get(0)).toString())
        .doesNotContain("someNew");
    assertThat(log).isEmpty();
  }
}
