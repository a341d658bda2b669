package dev.lbr.forwarder.status;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.SERVICES;
import static dev.lbr.forwarder.status.Fixtures.finalizers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.forwarder.kube.FakeKubeApiServer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Optimistic writes: a concurrent writer's change is kept, ours recomputed on the fresh object. */
class KubeRestTest {
  FakeKubeApiServer api;
  KubeRest kube;

  @BeforeEach
  void server() throws Exception {
    api = new FakeKubeApiServer();
    api.apply(SERVICES, Fixtures.service("shop", "web"));
    kube = Fixtures.kube(api);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  ObjectNode web() {
    return api.get(SERVICES, "shop", "web").orElseThrow();
  }

  @Test
  void aConflictingWriteIsRetriedOnTheFreshObject() {
    ObjectNode read = web();
    ObjectNode theirs = read.deepCopy();
    theirs.with("metadata").putArray("finalizers").add("example.com/theirs");
    api.apply(SERVICES, theirs); // after our read: our first patch meets a newer resourceVersion
    AtomicInteger asked = new AtomicInteger();

    kube.update(
        ApiResource.SERVICES,
        read,
        false,
        o -> {
          asked.incrementAndGet();
          return Finalizers.adding(o, "service.k8s.aws/resources");
        });

    assertThat(asked).hasValue(2);
    assertThat(finalizers(web()))
        .containsExactly("example.com/theirs", "service.k8s.aws/resources");
  }

  @Test
  void nothingToDoWritesNothingAndAGoneObjectIsEmpty() {
    assertThat(kube.update(ApiResource.SERVICES, web(), false, o -> null)).contains(web());
    ObjectNode read = web();
    api.delete(SERVICES, "shop", "web");
    assertThat(kube.update(ApiResource.SERVICES, read, true, o -> Fixtures.parse("{'status': {}}")))
        .isEmpty();
    assertThat(api.writeRequests()).hasSize(1);
  }

  @Test
  void anApiErrorIsThrownWithItsStatus() {
    api.failWrites(500);
    assertThatThrownBy(
            () -> kube.mergePatch(ApiResource.SERVICES.item("shop", "web"), Fixtures.parse("{}")))
        .isInstanceOfSatisfying(KubeApiException.class, e -> assertThat(e.code()).isEqualTo(500));
  }
}
