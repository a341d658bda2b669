package dev.lbr.forwarder.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.forwarder.publish.JsonLog;
import dev.lbr.forwarder.status.ApiResource;
import dev.lbr.forwarder.status.KubeApiException;
import dev.lbr.forwarder.status.KubeRest;
import dev.lbr.k8s.Json;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The webhook's serving keys, kept in a {@code kubernetes.io/tls} Secret so that every replica
 * serves the same certificate: {@code tls.crt}, {@code tls.key} and {@code ca.crt} (the CA bundle
 * the API server must trust). Each {@link #refresh} reads the Secret and loads it into the {@link
 * ServingKeys} (a no-op when unchanged). Unless the certificates are managed externally
 * (cert-manager):
 *
 * <ul>
 *   <li>a replica that finds no Secret generates a CA and a serving certificate and creates it;
 *       when another replica created it first (409), it reads that one;
 *   <li>the leader replaces both certificates when either expires within {@link
 *       Config#renewBefore}; the new bundle keeps the old CA while it is valid, so the API server
 *       trusts both while replicas reload at their own pace, and it is written to the webhook
 *       configuration before the Secret;
 *   <li>the leader, and whoever just created or rotated the Secret, keeps {@code caBundle} of every
 *       webhook of the MutatingWebhookConfiguration equal to {@code ca.crt} ({@link CaBundle}; a
 *       re-applied manifest blanks it).
 * </ul>
 */
public final class WebhookTls {

  static final ApiResource SECRETS = new ApiResource("", "v1", "secrets", "Secret", true);

  /**
   * @param dnsNames the serving certificate's names, the Service's first
   * @param managedExternally read the Secret only: something else (cert-manager) writes it and the
   *     caBundle
   */
  public record Config(
      String namespace,
      String secretName,
      String webhookConfiguration,
      List<String> dnsNames,
      boolean managedExternally,
      Duration caValidity,
      Duration certValidity,
      Duration renewBefore) {

    public static final Duration VALIDITY = Duration.ofDays(365);
    public static final Duration RENEW_BEFORE = Duration.ofDays(30);

    /** lbr's defaults: Secret {@code lbr-webhook-tls}, both certificates valid a year. */
    public static Config of(String namespace, boolean managedExternally) {
      return new Config(
          namespace,
          PodReadinessWebhook.SECRET,
          PodReadinessWebhook.CONFIGURATION,
          PodReadinessWebhook.dnsNames(namespace),
          managedExternally,
          VALIDITY,
          VALIDITY,
          RENEW_BEFORE);
    }
  }

  /** The Secret's PEM texts. */
  record Material(String caBundle, String certificate, String privateKey) {}

  private final KubeRest kube;
  private final Config config;
  private final ServingKeys keys;
  private final BooleanSupplier leading;
  private final Clock clock;
  private final CaBundle caBundle;
  private boolean warnedNoSecret;

  public WebhookTls(
      KubeRest kube, Config config, ServingKeys keys, BooleanSupplier leading, Clock clock) {
    this.kube = kube;
    this.config = config;
    this.keys = keys;
    this.leading = leading;
    this.clock = clock;
    this.caBundle = new CaBundle(kube, config.webhookConfiguration());
  }

  /** Creates, rotates and loads as the class says; true once keys are being served. */
  public synchronized boolean refresh() {
    String path = SECRETS.item(config.namespace(), config.secretName());
    Optional<ObjectNode> secret = kube.get(path);
    boolean wrote = false;
    if (secret.isEmpty()) {
      if (config.managedExternally()) {
        if (!warnedNoSecret) {
          warnedNoSecret = true;
          JsonLog.warn(
              "webhook Secret absent: waiting for it (certificates managed externally)",
              "secret",
              config.namespace() + "/" + config.secretName());
        }
        return keys.certificate().isPresent();
      }
      secret = create(path);
      wrote = secret.isPresent();
      if (secret.isEmpty()) {
        return keys.certificate().isPresent();
      }
    }
    warnedNoSecret = false;
    Optional<Material> material = material(secret.get());
    if (!config.managedExternally() && leading.getAsBoolean() && renewDue(material)) {
      Optional<ObjectNode> rotated = rotate(secret.get(), material);
      if (rotated.isPresent()) {
        secret = rotated;
        material = material(rotated.get());
        wrote = true;
      }
    }
    if (material.isEmpty()) {
      JsonLog.error(
          "webhook Secret unreadable: keys not loaded",
          "secret",
          config.namespace() + "/" + config.secretName());
      return keys.certificate().isPresent();
    }
    keys.use(material.get().certificate(), material.get().privateKey());
    if (!config.managedExternally() && (wrote || leading.getAsBoolean())) {
      caBundle.write(material.get().caBundle());
    }
    return true;
  }

  private Optional<ObjectNode> create(String path) {
    Material fresh = issue(List.of());
    try {
      ObjectNode created = kube.create(SECRETS.collection(config.namespace()), secret(fresh));
      JsonLog.info(
          "webhook certificates created",
          "secret",
          config.namespace() + "/" + config.secretName(),
          "notAfter",
          notAfter(fresh));
      return Optional.of(created);
    } catch (KubeApiException e) {
      if (!e.conflict()) {
        throw e;
      }
      return kube.get(path); // another replica created it first
    }
  }

  /**
   * Replaces the certificates: the bundle first (new CA plus the old ones still valid), then the
   * Secret, conditionally on the version read. Empty when another writer got there first (the next
   * refresh reads theirs).
   */
  private Optional<ObjectNode> rotate(ObjectNode current, Optional<Material> old) {
    List<X509Certificate> keep = old.map(m -> validCertificates(m.caBundle())).orElse(List.of());
    Material fresh = issue(keep);
    caBundle.write(fresh.caBundle());
    ObjectNode next = current.deepCopy();
    next.set("data", secret(fresh).get("data"));
    next.put("type", "kubernetes.io/tls");
    try {
      ObjectNode written =
          kube.replace(SECRETS.item(config.namespace(), config.secretName()), next);
      JsonLog.info(
          "webhook certificates rotated",
          "secret",
          config.namespace() + "/" + config.secretName(),
          "notAfter",
          notAfter(fresh));
      return Optional.of(written);
    } catch (KubeApiException e) {
      if (e.conflict() || e.notFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private boolean renewDue(Optional<Material> material) {
    if (material.isEmpty()) {
      return true;
    }
    Instant due = clock.instant().plus(config.renewBefore());
    try {
      X509Certificate cert = Certificates.certificates(material.get().certificate()).get(0);
      X509Certificate ca = Certificates.certificates(material.get().caBundle()).get(0);
      return cert.getNotAfter().toInstant().isBefore(due)
          || ca.getNotAfter().toInstant().isBefore(due);
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  /** A new CA and serving certificate; the bundle is the new CA, then {@code keep}. */
  private Material issue(List<X509Certificate> keep) {
    Instant now = clock.instant();
    Certificates.Issued ca =
        Certificates.authority("lbr-webhook-ca." + config.namespace(), now, config.caValidity());
    Certificates.Issued cert =
        Certificates.serving(ca, config.dnsNames(), now, config.certValidity());
    StringBuilder bundle = new StringBuilder(ca.certificatePem());
    for (X509Certificate c : keep) {
      try {
        bundle.append(Certificates.pem("CERTIFICATE", c.getEncoded()));
      } catch (java.security.cert.CertificateEncodingException e) {
        // a certificate that cannot be encoded again is dropped
      }
    }
    return new Material(bundle.toString(), cert.certificatePem(), cert.privateKeyPem());
  }

  private List<X509Certificate> validCertificates(String pem) {
    try {
      Instant now = clock.instant();
      return Certificates.certificates(pem).stream()
          .filter(c -> c.getNotAfter().toInstant().isAfter(now))
          .toList();
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  private ObjectNode secret(Material m) {
    ObjectNode s = Json.mapper().createObjectNode();
    s.put("apiVersion", "v1");
    s.put("kind", "Secret");
    ObjectNode meta = s.putObject("metadata");
    meta.put("name", config.secretName());
    meta.put("namespace", config.namespace());
    ObjectNode labels = meta.putObject("labels");
    labels.put("app.kubernetes.io/name", "lbr-forwarder");
    labels.put("app.kubernetes.io/part-of", "lbr");
    labels.put("app.kubernetes.io/managed-by", "lbr");
    s.put("type", "kubernetes.io/tls");
    ObjectNode data = s.putObject("data");
    data.put("ca.crt", base64(m.caBundle()));
    data.put("tls.crt", base64(m.certificate()));
    data.put("tls.key", base64(m.privateKey()));
    return s;
  }

  /** The Secret's PEM texts; empty when any is missing or not base64. */
  static Optional<Material> material(JsonNode secret) {
    JsonNode data = secret.path("data");
    try {
      String crt = text(data, "tls.crt");
      String key = text(data, "tls.key");
      if (crt.isBlank() || key.isBlank()) {
        return Optional.empty();
      }
      return Optional.of(new Material(text(data, "ca.crt"), crt, key));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String text(JsonNode data, String key) {
    return new String(
        Base64.getDecoder().decode(data.path(key).asText("")), StandardCharsets.US_ASCII);
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
  }

  private static Instant notAfter(Material m) {
    return Certificates.certificates(m.certificate()).get(0).getNotAfter().toInstant();
  }
}
