package dev.lbr.emulator;

import dev.lbr.x509.Der;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A throwaway self-signed RSA certificate and its key, as PEM, for importing into an emulator's
 * ACM. Built with the JDK alone: the X.509 structure is DER-encoded by hand (RFC 5280), signed with
 * SHA256withRSA. Never use it to serve real traffic.
 */
public record SelfSignedCertificate(String certificatePem, String privateKeyPem) {

  private static final byte[] SHA256_WITH_RSA = Der.oid(1, 2, 840, 113549, 1, 1, 11);
  private static final byte[] COMMON_NAME = Der.oid(2, 5, 4, 3);
  private static final byte[] SUBJECT_ALT_NAME = Der.oid(2, 5, 29, 17);

  /** Valid from a day ago for {@code validity}; the name is both subject CN and DNS SAN. */
  public static SelfSignedCertificate generate(String dnsName, Duration validity) {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(2048);
      KeyPair keys = gen.generateKeyPair();
      Instant now = Instant.now();
      byte[] name = Der.seq(Der.set(Der.seq(COMMON_NAME, Der.utf8(dnsName))));
      byte[] algorithm = Der.seq(SHA256_WITH_RSA, new byte[] {0x05, 0x00});
      byte[] dnsSan = Der.tlv(0x82, dnsName.getBytes(StandardCharsets.US_ASCII));
      byte[] tbs =
          Der.seq(
              Der.tlv(0xa0, Der.integer(BigInteger.TWO)), // v3
              Der.integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)),
              algorithm,
              name,
              Der.seq(Der.time(now.minus(Duration.ofDays(1))), Der.time(now.plus(validity))),
              name,
              keys.getPublic().getEncoded(), // SubjectPublicKeyInfo, already DER
              Der.tlv(0xa3, Der.seq(Der.seq(SUBJECT_ALT_NAME, Der.octets(Der.seq(dnsSan))))));
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(keys.getPrivate());
      signer.update(tbs);
      byte[] cert = Der.seq(tbs, algorithm, Der.bits(0, signer.sign()));
      return new SelfSignedCertificate(
          pem("CERTIFICATE", cert), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot make an RSA certificate", e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
