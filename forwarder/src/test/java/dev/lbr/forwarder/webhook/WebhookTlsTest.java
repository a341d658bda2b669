package dev.lbr.forwarder.webhook;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.MUTATING_WEBHOOKS;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.SECRETS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.forwarder.kube.FakeKubeApiServer;
import dev.lbr.forwarder.status.KubeRest;
import dev.lbr.k8s.Json;
import dev.lbr.testing.MutableClock;
import io.kubernetes.client.openapi.ApiClient;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Secret lbr-webhook-tls: created once, reused, rotated near expiry; the caBundle follows. */
class WebhookTlsTest {
  static final String NS = "lbr-system";

  FakeKubeApiServer api;
  KubeRest kube;
  final MutableClock clock = MutableClock.start();
  final AtomicBoolean leading = new AtomicBoolean(true);

  @BeforeEach
  void server() throws Exception {
    api = new FakeKubeApiServer();
    kube = new KubeRest(new ApiClient().setBasePath(api.url()));
    api.apply(MUTATING_WEBHOOKS, configuration());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  static ObjectNode configuration() throws Exception {
    return (ObjectNode)
        Json.mapper()
            .readTree(
                """
                {"metadata": {"name": "lbr-pod-readiness-gate"},
                 "webhooks": [{"name": "mpod.lbr.elbv2.k8s.aws", "failurePolicy": "Ignore",
                   "clientConfig": {"service": {"namespace": "lbr-system", "name": "lbr-webhook",
                     "path": "/mutate-v1-pod"}, "caBundle": ""}}]}
                """);
  }

  WebhookTls tls(ServingKeys keys, boolean external) {
    return new WebhookTls(kube, WebhookTls.Config.of(NS, external), keys, leading::get, clock);
  }

  ObjectNode secret() {
    return api.get(SECRETS, NS, "lbr-webhook-tls").orElseThrow();
  }

  static String data(JsonNode secret, String key) {
    return new String(
        Base64.getDecoder().decode(secret.path("data").path(key).asText()),
        StandardCharsets.US_ASCII);
  }

  String caBundle() {
    JsonNode config = api.get(MUTATING_WEBHOOKS, null, "lbr-pod-readiness-gate").orElseThrow();
    return new String(
        Base64.getDecoder()
            .decode(config.path("webhooks").get(0).path("clientConfig").path("caBundle").asText()),
        StandardCharsets.US_ASCII);
  }

  @Test
  void anAbsentSecretIsCreatedServedAndItsCaWrittenToTheWebhook() throws Exception {
    ServingKeys keys = new ServingKeys();
    assertThat(tls(keys, false).refresh()).isTrue();
    ObjectNode secret = secret();
    assertThat(secret.path("type").asText()).isEqualTo("kubernetes.io/tls");
    X509Certificate served = keys.certificate().orElseThrow();
    assertThat(served).isEqualTo(Certificates.certificates(data(secret, "tls.crt")).get(0));
    assertThat(served.getSubjectAlternativeNames())
        .containsExactly(
            List.of(2, "lbr-webhook.lbr-system.svc"),
            List.of(2, "lbr-webhook.lbr-system.svc.cluster.local"));
    X509Certificate ca = Certificates.certificates(data(secret, "ca.crt")).get(0);
    served.verify(ca.getPublicKey());
    assertThat(caBundle()).isEqualTo(data(secret, "ca.crt"));
  }

  @Test
  void aValidSecretIsReusedBySeveralReplicasWithoutWrites() {
    tls(new ServingKeys(), false).refresh();
    String rv = secret().path("metadata").path("resourceVersion").asText();
    int writes = api.writeRequests().size();
    ServingKeys other = new ServingKeys();
    leading.set(false);
    assertThat(tls(other, false).refresh()).isTrue();
    leading.set(true);
    tls(new ServingKeys(), false).refresh();
    assertThat(secret().path("metadata").path("resourceVersion").asText()).isEqualTo(rv);
    assertThat(api.writeRequests().subList(writes, api.writeRequests().size()))
        .allMatch(r -> r.startsWith("GET"));
    assertThat(other.certificate().orElseThrow())
        .isEqualTo(Certificates.certificates(data(secret(), "tls.crt")).get(0));
  }

  @Test
  void replicasStartingTogetherServeTheSameCertificate() throws Exception {
    for (int round = 0; round < 5; round++) {
      api.objects(SECRETS).forEach(o -> api.delete(SECRETS, NS, "lbr-webhook-tls"));
      ServingKeys a = new ServingKeys();
      ServingKeys b = new ServingKeys();
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
      var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        var first =
            pool.submit(
                () -> {
                  start.await();
                  return tls(a, false).refresh();
                });
        var second =
            pool.submit(
                () -> {
                  start.await();
                  return tls(b, false).refresh();
                });
        assertThat(first.get()).isTrue();
        assertThat(second.get()).isTrue();
      } finally {
        pool.shutdownNow();
      }
      assertThat(a.certificate()).isEqualTo(b.certificate());
      assertThat(a.certificate().orElseThrow())
          .isEqualTo(Certificates.certificates(data(secret(), "tls.crt")).get(0));
    }
  }

  @Test
  void theLeaderRotatesWithin30DaysOfExpiryKeepingTheOldCaTrusted() throws Exception {
    ServingKeys keys = new ServingKeys();
    WebhookTls tls = tls(keys, false);
    tls.refresh();
    String oldCa = data(secret(), "ca.crt");
    X509Certificate oldCert = keys.certificate().orElseThrow();

    clock.advance(Duration.ofDays(300));
    tls.refresh();
    assertThat(keys.certificate().orElseThrow()).isEqualTo(oldCert);

    clock.advance(Duration.ofDays(40)); // 25 days left
    tls.refresh();
    X509Certificate newCert = keys.certificate().orElseThrow();
    assertThat(newCert).isNotEqualTo(oldCert);
    assertThat(newCert.getNotAfter().toInstant())
        .isAfter(clock.instant().plus(Duration.ofDays(300)));
    List<X509Certificate> bundle = Certificates.certificates(data(secret(), "ca.crt"));
    assertThat(bundle).hasSize(2);
    assertThat(bundle.get(1)).isEqualTo(Certificates.certificates(oldCa).get(0));
    newCert.verify(bundle.get(0).getPublicKey());
    oldCert.verify(bundle.get(1).getPublicKey()); // a replica still serving the old one is trusted
    assertThat(caBundle()).isEqualTo(data(secret(), "ca.crt"));
  }

  @Test
  void aStandbyDoesNotRotateButLoadsWhatTheLeaderWrote() {
    ServingKeys standbyKeys = new ServingKeys();
    leading.set(false);
    WebhookTls standby = tls(standbyKeys, false);
    standby.refresh();
    X509Certificate first = standbyKeys.certificate().orElseThrow();
    clock.advance(Duration.ofDays(340));
    standby.refresh();
    assertThat(standbyKeys.certificate().orElseThrow()).isEqualTo(first);

    leading.set(true);
    tls(new ServingKeys(), false).refresh();
    leading.set(false);
    standby.refresh();
    assertThat(standbyKeys.certificate().orElseThrow()).isNotEqualTo(first);
  }

  @Test
  void aBlankedCaBundleIsWrittenAgainByTheLeader() throws Exception {
    WebhookTls tls = tls(new ServingKeys(), false);
    tls.refresh();
    api.apply(MUTATING_WEBHOOKS, configuration()); // kubectl apply of the manifest
    tls.refresh();
    assertThat(caBundle()).isEqualTo(data(secret(), "ca.crt"));
  }

  @Test
  void externallyManagedCertificatesAreOnlyRead() throws Exception {
    ServingKeys keys = new ServingKeys();
    WebhookTls tls = tls(keys, true);
    assertThat(tls.refresh()).isFalse();
    assertThat(api.get(SECRETS, NS, "lbr-webhook-tls")).isEmpty();

    var ca = Certificates.authority("cert-manager", clock.instant(), Duration.ofDays(90));
    var cert =
        Certificates.serving(
            ca, PodReadinessWebhook.dnsNames(NS), clock.instant(), Duration.ofDays(10));
    ObjectNode s = Json.mapper().createObjectNode();
    s.with("metadata").put("name", "lbr-webhook-tls").put("namespace", NS);
    s.put("type", "kubernetes.io/tls");
    s.with("data")
        .put("tls.crt", b64(cert.certificatePem()))
        .put("tls.key", b64(cert.privateKeyPem()));
    api.apply(SECRETS, s);
    int writes = api.writeRequests().size();
    assertThat(tls.refresh()).isTrue(); // expiring in 10 days: cert-manager's business
    assertThat(keys.certificate().orElseThrow())
        .isEqualTo(Certificates.certificates(cert.certificatePem()).get(0));
    assertThat(api.writeRequests().subList(writes, api.writeRequests().size()))
        .allMatch(r -> r.startsWith("GET"));
    assertThat(caBundle()).isEmpty();
  }

  static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }
}
