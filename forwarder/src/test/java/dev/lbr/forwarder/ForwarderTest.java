package dev.lbr.forwarder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.event.EventValidator;
import dev.lbr.event.ObjectEvent;
import dev.lbr.event.Operation;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.k8s.ObjectMeta;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwarderTest {

  /** Plays the informers: one upsert and one delete as soon as it starts. */
  static final class TwoChanges implements ChangeSource {
    boolean closed;

    @Override
    public void start(ForwarderOptions options, ChangeSink sink) {
      var meta = new ObjectMeta("web", "echo", "u-1", "42", Map.of(), Map.of(), null, null);
      var port = new K8sService.Port("", "TCP", 80, "8080", null);
      var spec =
          new K8sService.Spec(
              "LoadBalancer", null, List.of(port), Map.of(), null, null, null, null);
      sink.upsert(new K8sService(meta, spec));
      sink.delete(new ObjectKey(Kind.SERVICE, "web", "old"), "43", null);
    }

    @Override
    public boolean ready() {
      return !closed;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void theStdoutSinkPrintsValidEventsAndShutdownFlushesWhatIsPending() throws Exception {
    ForwarderOptions options =
        ForwarderOptions.parse(
            new String[] {"--cluster=demo", "--stdout", "--http-port=0", "--coalesce-window=5m"},
            Map.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TwoChanges source = new TwoChanges();
    Forwarder forwarder =
        new Forwarder(
            options, source, Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8));
    try (HttpClient http = HttpClient.newHttpClient()) {
      var ready =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + forwarder.httpPort() + "/readyz"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(200);
    }
    assertThat(out.size()).isZero(); // the five-minute window has not passed

    forwarder.close();

    EventValidator validator = new EventValidator("demo");
    List<ObjectEvent> events =
        out.toString(StandardCharsets.UTF_8)
            .lines()
            .map(line -> (ObjectEvent) validator.parse(line))
            .toList();
    assertThat(events)
        .extracting(ObjectEvent::op)
        .containsExactlyInAnyOrder(Operation.UPSERT, Operation.DELETE);
    assertThat(source.closed).isTrue();
  }
}
