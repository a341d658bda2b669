package dev.lbr.forwarder.webhook;

import dev.lbr.x509.Der;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The webhook's own small PKI, with the JDK alone (no Bouncy Castle in the image): a self-signed CA
 * (basicConstraints CA:true, keyUsage keyCertSign and cRLSign) and a serving certificate it signs
 * (CA:false, digitalSignature, extendedKeyUsage serverAuth, the DNS names as subjectAltName). ECDSA
 * P-256 keys, SHA256withECDSA signatures, X.509 v3 DER-encoded by hand (RFC 5280); PEM in and out.
 */
public final class Certificates {

  /** A CA's certificate and key, or a serving certificate and its key, as PEM. */
  public record Issued(String certificatePem, String privateKeyPem) {}

  private static final byte[] ECDSA_WITH_SHA256 = Der.seq(Der.oid(1, 2, 840, 10045, 4, 3, 2));
  private static final byte[] COMMON_NAME = Der.oid(2, 5, 4, 3);
  private static final byte[] BASIC_CONSTRAINTS = Der.oid(2, 5, 29, 19);
  private static final byte[] KEY_USAGE = Der.oid(2, 5, 29, 15);
  private static final byte[] EXTENDED_KEY_USAGE = Der.oid(2, 5, 29, 37);
  private static final byte[] SUBJECT_ALT_NAME = Der.oid(2, 5, 29, 17);
  private static final byte[] SERVER_AUTH = Der.oid(1, 3, 6, 1, 5, 5, 7, 3, 1);
  private static final Duration BACKDATE = Duration.ofHours(1);
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

  private Certificates() {}

  /** A self-signed CA named {@code commonName}, valid from an hour before {@code now}. */
  public static Issued authority(String commonName, Instant now, Duration validity) {
    KeyPair keys = keyPair();
    byte[] name = name(commonName);
    byte[] extensions =
        extensions(
            extension(BASIC_CONSTRAINTS, true, Der.seq(Der.TRUE)),
            // keyCertSign (bit 5) and cRLSign (bit 6): 0000 0110, one unused bit
            extension(KEY_USAGE, true, Der.bits(1, new byte[] {0x06})));
    byte[] cert = sign(name, name, keys, keys.getPrivate(), now, validity, extensions);
    return new Issued(pem("CERTIFICATE", cert), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
  }

  /**
   * A serving certificate for {@code dnsNames} (the first is also its CN), signed by {@code ca}.
   */
  public static Issued serving(Issued ca, List<String> dnsNames, Instant now, Duration validity) {
    X509Certificate issuer = certificates(ca.certificatePem()).get(0);
    PrivateKey issuerKey = privateKey(ca.privateKeyPem());
    KeyPair keys = keyPair();
    List<byte[]> sans = new ArrayList<>();
    dnsNames.forEach(n -> sans.add(Der.tlv(0x82, n.getBytes(StandardCharsets.US_ASCII))));
    byte[] extensions =
        extensions(
            extension(BASIC_CONSTRAINTS, true, Der.seq()),
            // digitalSignature (bit 0): 1000 0000, seven unused bits
            extension(KEY_USAGE, true, Der.bits(7, new byte[] {(byte) 0x80})),
            extension(EXTENDED_KEY_USAGE, false, Der.seq(SERVER_AUTH)),
            extension(SUBJECT_ALT_NAME, false, Der.seq(sans.toArray(byte[][]::new))));
    byte[] cert =
        sign(
            issuer.getSubjectX500Principal().getEncoded(),
            name(dnsNames.get(0)),
            keys,
            issuerKey,
            now,
            validity,
            extensions);
    return new Issued(pem("CERTIFICATE", cert), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
  }

  /** Every certificate in a PEM text (a chain or a bundle), in order. */
  public static List<X509Certificate> certificates(String pem) {
    try {
      CertificateFactory f = CertificateFactory.getInstance("X.509");
      List<X509Certificate> out = new ArrayList<>();
      for (var c :
          f.generateCertificates(
              new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new IllegalArgumentException("no certificate in the PEM text");
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a PEM certificate: " + e.getMessage(), e);
    }
  }

  /**
   * The private key of a PEM text: PKCS#8 ({@code PRIVATE KEY}, EC or RSA) or PKCS#1 ({@code RSA
   * PRIVATE KEY}, cert-manager's default encoding for RSA keys).
   */
  public static PrivateKey privateKey(String pem) {
    Matcher m = PEM.matcher(pem);
    while (m.find()) {
      byte[] der = Base64.getMimeDecoder().decode(m.group(2));
      switch (m.group(1)) {
        case "PRIVATE KEY" -> {
          return pkcs8(der);
        }
        case "RSA PRIVATE KEY" -> {
          byte[] rsaEncryption = Der.seq(Der.oid(1, 2, 840, 113549, 1, 1, 1), new byte[] {5, 0});
          return pkcs8(Der.seq(Der.integer(BigInteger.ZERO), rsaEncryption, Der.octets(der)));
        }
        default -> {}
      }
    }
    throw new IllegalArgumentException(
        "no PKCS#8 (PRIVATE KEY) or PKCS#1 (RSA PRIVATE KEY) key in the PEM text");
  }

  static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static PrivateKey pkcs8(byte[] der) {
    for (String algorithm : List.of("EC", "RSA")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // the next algorithm
      }
    }
    throw new IllegalArgumentException("a private key neither EC nor RSA");
  }

  private static byte[] sign(
      byte[] issuer,
      byte[] subject,
      KeyPair keys,
      PrivateKey signer,
      Instant now,
      Duration validity,
      byte[] extensions) {
    byte[] tbs =
        Der.seq(
            Der.tlv(0xa0, Der.integer(BigInteger.TWO)), // v3
            Der.integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)),
            ECDSA_WITH_SHA256,
            issuer,
            Der.seq(Der.time(now.minus(BACKDATE)), Der.time(now.plus(validity))),
            subject,
            keys.getPublic().getEncoded(), // SubjectPublicKeyInfo, DER already
            Der.tlv(0xa3, extensions));
    try {
      Signature s = Signature.getInstance("SHA256withECDSA");
      s.initSign(signer);
      s.update(tbs);
      return Der.seq(tbs, ECDSA_WITH_SHA256, Der.bits(0, s.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot sign with ECDSA", e);
    }
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
      gen.initialize(new ECGenParameterSpec("secp256r1"));
      return gen.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot make a P-256 key", e);
    }
  }

  private static byte[] name(String commonName) {
    return Der.seq(Der.set(Der.seq(COMMON_NAME, Der.utf8(commonName))));
  }

  private static byte[] extensions(byte[]... extensions) {
    return Der.seq(extensions);
  }

  private static byte[] extension(byte[] oid, boolean critical, byte[] value) {
    return critical ? Der.seq(oid, Der.TRUE, Der.octets(value)) : Der.seq(oid, Der.octets(value));
  }
}
