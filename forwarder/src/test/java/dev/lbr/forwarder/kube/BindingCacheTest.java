package dev.lbr.forwarder.kube;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.SERVICES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.TARGET_GROUP_BINDINGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import io.kubernetes.client.openapi.ApiClient;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook's cache: every binding (lbr's included) and Service, by namespace, kept current. */
class BindingCacheTest {
  FakeKubeApiServer api;
  BindingCache cache;

  @BeforeEach
  void start() throws Exception {
    api = new FakeKubeApiServer();
    api.apply(
        SERVICES,
        json(
            "{\"metadata\": {\"name\": \"web\", \"namespace\": \"shop\"},"
                + " \"spec\": {\"selector\": {\"app\": \"web\"}, \"ports\": [{\"port\": 80}]}}"));
    api.apply(TARGET_GROUP_BINDINGS, binding("shop", "lbr-tg", true));
    cache =
        new BindingCache(
            new ApiClient().setBasePath(api.url()).setReadTimeout(0), Set.of(), p -> {});
    cache.start();
    await(cache::synced);
  }

  @AfterEach
  void stop() {
    cache.close();
    api.close();
  }

  static ObjectNode binding(String ns, String name, boolean lbr) {
    return json(
        "{\"metadata\": {\"name\": \""
            + name
            + "\", \"namespace\": \""
            + ns
            + "\""
            + (lbr ? ", \"labels\": {\"app.kubernetes.io/managed-by\": \"lbr\"}" : "")
            + "}, \"spec\": {\"targetType\": \"ip\", \"serviceRef\": {\"name\": \"web\", \"port\": 80}}}");
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(condition.getAsBoolean()).isTrue();
  }

  @Test
  void lbrsBindingsAndServiceSelectorsAreHeld() {
    assertThat(cache.bindings("shop"))
        .singleElement()
        .satisfies(b -> assertThat(b.writtenByLbr()).isTrue());
    assertThat(cache.service("shop", "web").orElseThrow().spec().selector())
        .containsEntry("app", "web");
    assertThat(cache.bindings("other")).isEmpty();
    assertThat(cache.service("other", "web")).isEmpty();
  }

  @Test
  void addsAndDeletesAreFollowed() throws Exception {
    api.apply(TARGET_GROUP_BINDINGS, binding("shop", "users-tg", false));
    await(() -> cache.bindings("shop").size() == 2);
    api.delete(TARGET_GROUP_BINDINGS, "shop", "lbr-tg");
    await(() -> cache.bindings("shop").size() == 1);
    api.delete(SERVICES, "shop", "web");
    await(() -> cache.service("shop", "web").isEmpty());
  }
}
