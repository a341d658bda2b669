package dev.lbr.forwarder.kube;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.SERVICES;
import static dev.lbr.forwarder.kube.KubeInformersTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.forwarder.ForwarderOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeChangeSourceTest {

  @Test
  void withAKubeconfigItLeadsAndForwards(@TempDir Path dir) throws Exception {
    try (FakeKubeApiServer api = new FakeKubeApiServer()) {
      api.apply(SERVICES, Objects.nlbService("shop", "web", "one"));
      Path kubeconfig = dir.resolve("config");
      Files.writeString(
          kubeconfig,
          """
          apiVersion: v1
          kind: Config
          clusters:
          - name: test
            cluster: {server: "%s"}
          users:
          - name: test
            user: {token: "t"}
          contexts:
          - name: test
            context: {cluster: test, user: test}
          current-context: test
          """
              .formatted(api.url()));
      ForwarderOptions options =
          ForwarderOptions.parse(
              new String[] {
                "--cluster", "c", "--bus", "b", "--stdout", "--kubeconfig", kubeconfig.toString()
              },
              Map.of());
      RecordingSink sink = new RecordingSink();
      List<String> log = new CopyOnWriteArrayList<>();
      try (KubeChangeSource source =
          new KubeChangeSource(Map.of("POD_NAME", "fwd-0", "POD_NAMESPACE", "lbr"), log::add)) {
        source.start(options, sink);
        await("ready and forwarding", () -> source.ready() && !sink.inventories().isEmpty());
        assertThat(sink.upsertsOf("web")).hasSize(1);
        assertThat(api.leaseHolder("lbr", "lbr-forwarder")).isEqualTo("fwd-0");
      }
    }
  }
}
