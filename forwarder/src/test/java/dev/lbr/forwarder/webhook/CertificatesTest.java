package dev.lbr.forwarder.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificatesTest {
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  static final List<String> NAMES =
      List.of("lbr-webhook.lbr-system.svc", "lbr-webhook.lbr-system.svc.cluster.local");

  final Certificates.Issued ca =
      Certificates.authority("lbr-webhook-ca", NOW, Duration.ofDays(365));
  final Certificates.Issued leaf = Certificates.serving(ca, NAMES, NOW, Duration.ofDays(365));

  @Test
  void theCaIsACertificateAuthorityThatMaySignCertificates() {
    X509Certificate c = Certificates.certificates(ca.certificatePem()).get(0);
    assertThat(c.getVersion()).isEqualTo(3);
    assertThat(c.getBasicConstraints()).isGreaterThanOrEqualTo(0); // CA:true
    assertThat(c.getKeyUsage()[5]).as("keyCertSign").isTrue();
    assertThat(c.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
    assertThat(c.getSubjectX500Principal()).isEqualTo(c.getIssuerX500Principal());
    assertThat(c.getNotBefore().toInstant()).isBefore(NOW);
    assertThat(c.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(365)));
  }

  @Test
  void theServingCertificateNamesTheServiceAndIsForServersOnly() throws Exception {
    X509Certificate c = Certificates.certificates(leaf.certificatePem()).get(0);
    assertThat(c.getBasicConstraints()).isEqualTo(-1); // CA:false
    assertThat(c.getKeyUsage()[0]).as("digitalSignature").isTrue();
    assertThat(c.getKeyUsage()[5]).as("keyCertSign").isFalse();
    assertThat(c.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(c.getSubjectAlternativeNames())
        .containsExactly(List.of(2, NAMES.get(0)), List.of(2, NAMES.get(1)));
    assertThat(c.getIssuerX500Principal())
        .isEqualTo(Certificates.certificates(ca.certificatePem()).get(0).getSubjectX500Principal());
  }

  @Test
  void theJdkValidatesTheServingCertificateAgainstTheCa() throws Exception {
    X509Certificate root = Certificates.certificates(ca.certificatePem()).get(0);
    X509Certificate c = Certificates.certificates(leaf.certificatePem()).get(0);
    c.verify(root.getPublicKey());
    var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(c));
    PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
    params.setRevocationEnabled(false);
    params.setDate(Date.from(NOW.plus(Duration.ofDays(1))));
    CertPathValidator.getInstance("PKIX").validate(path, params);
  }

  @Test
  void aCertificateSignedByAnotherCaDoesNotValidate() throws Exception {
    var other = Certificates.authority("other", NOW, Duration.ofDays(1));
    X509Certificate root = Certificates.certificates(other.certificatePem()).get(0);
    X509Certificate c = Certificates.certificates(leaf.certificatePem()).get(0);
    assertThatThrownBy(() -> c.verify(root.getPublicKey())).isInstanceOf(Exception.class);
  }

  @Test
  void keysAreReadAsPkcs8AndRsaKeysAlsoAsPkcs1() throws Exception {
    assertThat(Certificates.privateKey(leaf.privateKeyPem()).getAlgorithm()).isEqualTo("EC");
    var rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    var keys = rsa.generateKeyPair();
    byte[] pkcs8 = keys.getPrivate().getEncoded();
    // PKCS#1 is the OCTET STRING at the end of PKCS#8: 30 82 LL LL 02 01 00 30 0d ... 04 82 LL LL
    int at = 4 + 3 + 15 + 4;
    byte[] pkcs1 = java.util.Arrays.copyOfRange(pkcs8, at, pkcs8.length);
    String pem = Certificates.pem("RSA PRIVATE KEY", pkcs1);
    assertThat(Certificates.privateKey(pem).getEncoded()).isEqualTo(pkcs8);
  }

  @Test
  void timesFrom2050AreGeneralizedTime() {
    Instant late = Instant.parse("2049-12-01T00:00:00Z");
    var longLived = Certificates.authority("late", late, Duration.ofDays(365));
    assertThat(
            Certificates.certificates(longLived.certificatePem()).get(0).getNotAfter().toInstant())
        .isEqualTo(late.plus(Duration.ofDays(365)));
  }
}
