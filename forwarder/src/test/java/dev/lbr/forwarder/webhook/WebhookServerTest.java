package dev.lbr.forwarder.webhook;

import static dev.lbr.forwarder.webhook.Fixtures.binding;
import static dev.lbr.forwarder.webhook.Fixtures.pod;
import static dev.lbr.forwarder.webhook.Fixtures.review;
import static dev.lbr.forwarder.webhook.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.forwarder.kube.TlsPost;
import dev.lbr.k8s.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AdmissionReviews over HTTPS, the client trusting only the webhook's CA, as the API server. */
class WebhookServerTest {
  static final String NAME = "lbr-webhook.lbr-system.svc";
  final ServingKeys keys = new ServingKeys();
  Certificates.Issued ca;
  WebhookServer server;

  @BeforeEach
  void start() throws Exception {
    ca = serve();
    server =
        new WebhookServer(
            0,
            keys,
            new AdmissionHandler(
                Fixtures.lookup(
                    List.of(binding("web-tg", "ip", "web")),
                    List.of(service("web", Map.of("app", "web"))))));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** New keys from a new CA; returns the CA. */
  Certificates.Issued serve() {
    Instant now = Instant.now();
    Certificates.Issued authority = Certificates.authority("test-ca", now, Duration.ofDays(30));
    Certificates.Issued cert =
        Certificates.serving(
            authority, PodReadinessWebhook.dnsNames("lbr-system"), now, Duration.ofDays(30));
    keys.use(cert.certificatePem(), cert.privateKeyPem());
    return authority;
  }

  TlsPost.Answer post(String caPem, String serverName, String path, byte[] body) throws Exception {
    return TlsPost.post(
        URI.create("https://127.0.0.1:" + server.port()),
        serverName,
        caPem,
        path,
        body,
        Duration.ofSeconds(5));
  }

  @Test
  void anAdmissionReviewRoundTripsOverTlsValidatedByTheCa() throws Exception {
    byte[] body =
        review("u-1", "shop", pod(Map.of("app", "web")))
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    TlsPost.Answer answer = post(ca.certificatePem(), NAME, WebhookServer.PATH, body);
    assertThat(answer.status()).isEqualTo(200);
    ObjectNode review = (ObjectNode) Json.mapper().readTree(answer.body());
    assertThat(review.path("response").path("uid").asText()).isEqualTo("u-1");
    assertThat(review.path("response").path("allowed").asBoolean()).isTrue();
    assertThat(Fixtures.patchOf(review).toString()).contains("target-health.elbv2.k8s.aws/web-tg");
  }

  @Test
  void theCertificateAlsoHoldsForTheClusterLocalName() throws Exception {
    byte[] body = review("u-2", "shop", pod(Map.of())).toString().getBytes(StandardCharsets.UTF_8);
    assertThat(
            post(ca.certificatePem(), NAME + ".cluster.local", WebhookServer.PATH, body).status())
        .isEqualTo(200);
  }

  @Test
  void aClientTrustingAnotherCaOrNamingAnotherHostRefusesTheHandshake() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String other =
        Certificates.authority("other", Instant.now(), Duration.ofDays(1)).certificatePem();
    assertThatThrownBy(() -> post(other, NAME, WebhookServer.PATH, body))
        .isInstanceOf(SSLException.class);
    assertThatThrownBy(
            () -> post(ca.certificatePem(), "evil.example.com", WebhookServer.PATH, body))
        .isInstanceOf(SSLException.class);
  }

  @Test
  void newKeysServeTheNextHandshakeWithoutARestart() throws Exception {
    Certificates.Issued next = serve();
    byte[] body = review("u-3", "shop", pod(Map.of())).toString().getBytes(StandardCharsets.UTF_8);
    assertThat(post(next.certificatePem(), NAME, WebhookServer.PATH, body).status()).isEqualTo(200);
    assertThatThrownBy(() -> post(ca.certificatePem(), NAME, WebhookServer.PATH, body))
        .isInstanceOf(SSLException.class);
  }

  @Test
  void otherPathsAndBodiesAreRefused() throws Exception {
    assertThat(post(ca.certificatePem(), NAME, "/other", new byte[0]).status()).isEqualTo(404);
    assertThat(post(ca.certificatePem(), NAME, WebhookServer.PATH, "nope".getBytes()).status())
        .isEqualTo(400);
  }
}
