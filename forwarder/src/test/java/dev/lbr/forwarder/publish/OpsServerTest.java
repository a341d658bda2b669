package dev.lbr.forwarder.publish;

import static dev.lbr.forwarder.publish.Objects.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OpsServerTest {

  static HttpResponse<String> get(int port, String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  void servesHealthReadinessAndPrometheusMetrics() throws Exception {
    MutableClock clock = MutableClock.start();
    ForwarderMetrics metrics = new ForwarderMetrics(clock);
    RecordingPublisher publisher = new RecordingPublisher();
    Coalescer coalescer = new Coalescer("demo", Duration.ofSeconds(1), clock, publisher, metrics);
    coalescer.upsert(service("web", "a", "1"));
    coalescer.upsert(service("web", "a", "2"));
    coalescer.upsert(service("web", "b", "3"));
    clock.advance(Duration.ofMillis(1500));
    AtomicBoolean ready = new AtomicBoolean(false);

    try (OpsServer ops = new OpsServer(0, ready::get, metrics)) {
      assertThat(get(ops.port(), "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(ops.port(), "/readyz").statusCode()).isEqualTo(503);
      ready.set(true);
      assertThat(get(ops.port(), "/readyz").statusCode()).isEqualTo(200);

      HttpResponse<String> scrape = get(ops.port(), "/metrics");
      assertThat(scrape.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
      assertThat(scrape.body())
          .contains("# TYPE lbr_forwarder_events_published_total counter")
          .contains("lbr_forwarder_events_coalesced_total 1\n")
          .contains("lbr_forwarder_queue_depth 2\n")
          .contains("lbr_forwarder_oldest_pending_age_seconds 1.5\n")
          .contains("lbr_forwarder_last_inventory_timestamp_seconds 0\n");

      coalescer.tick();
      assertThat(publisher.published).hasSize(2);
      assertThat(get(ops.port(), "/metrics").body())
          .contains("lbr_forwarder_queue_depth 0\n")
          .contains("lbr_forwarder_oldest_pending_age_seconds 0.0\n");
    }
  }
}
