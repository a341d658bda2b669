package dev.lbr.forwarder.status;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.INGRESSES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.SERVICES;
import static dev.lbr.forwarder.status.Fixtures.finalizers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.forwarder.kube.FakeKubeApiServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The uninstall path: lbr's finalizers go, everyone else's stay, deleting objects disappear. */
class FinalizerRemoverTest {

  @Test
  void removesLbrsFinalizersFromEveryServiceAndIngressAndNothingElse() throws Exception {
    try (FakeKubeApiServer api = new FakeKubeApiServer()) {
      api.apply(
          SERVICES,
          with(Fixtures.service("shop", "web"), "service.k8s.aws/resources", "example.com/x"));
      api.apply(SERVICES, with(Fixtures.service("shop", "plain"), "example.com/x"));
      api.apply(
          INGRESSES, with(Fixtures.ingress("blog", "front", "team"), "group.ingress.k8s.aws/team"));
      api.apply(
          INGRESSES, with(Fixtures.ingress("blog", "solo", "-"), "ingress.k8s.aws/resources"));
      api.deleteGracefully(INGRESSES, "blog", "solo");

      int changed = new FinalizerRemover(Fixtures.kube(api)).run(List.of());

      assertThat(changed).isEqualTo(3);
      assertThat(finalizers(api.get(SERVICES, "shop", "web").orElseThrow()))
          .containsExactly("example.com/x");
      assertThat(finalizers(api.get(SERVICES, "shop", "plain").orElseThrow()))
          .containsExactly("example.com/x");
      assertThat(finalizers(api.get(INGRESSES, "blog", "front").orElseThrow())).isEmpty();
      assertThat(api.get(INGRESSES, "blog", "solo")).isEmpty();
    }
  }

  static ObjectNode with(ObjectNode o, String... finalizers) {
    var list = o.with("metadata").putArray("finalizers");
    for (String f : finalizers) {
      list.add(f);
    }
    return o;
  }
}
