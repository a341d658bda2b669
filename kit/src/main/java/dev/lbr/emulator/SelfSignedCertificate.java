package dev.lbr.emulator;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * A throwaway self-signed RSA certificate and its key, as PEM, for importing into an emulator's
 * ACM. Built with the JDK alone: the X.509 structure is DER-encoded by hand (RFC 5280), signed with
 * SHA256withRSA. Never use it to serve real traffic.
 */
public record SelfSignedCertificate(String certificatePem, String privateKeyPem) {

  private static final byte[] SHA256_WITH_RSA = {
    0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x0b
  }; // 1.2.840.113549.1.1.11
  private static final byte[] COMMON_NAME = {0x55, 0x04, 0x03}; // 2.5.4.3
  private static final byte[] SUBJECT_ALT_NAME = {0x55, 0x1d, 0x11}; // 2.5.29.17
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  /** Valid from a day ago for {@code validity}; the name is both subject CN and DNS SAN. */
  public static SelfSignedCertificate generate(String dnsName, Duration validity) {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(2048);
      KeyPair keys = gen.generateKeyPair();
      Instant now = Instant.now();
      byte[] name = seq(set(seq(oid(COMMON_NAME), utf8(dnsName))));
      byte[] algorithm = seq(oid(SHA256_WITH_RSA), new byte[] {0x05, 0x00});
      byte[] tbs =
          seq(
              tagged(0xa0, integer(BigInteger.TWO)), // v3
              integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)),
              algorithm,
              name,
              seq(utcTime(now.minus(Duration.ofDays(1))), utcTime(now.plus(validity))),
              name,
              keys.getPublic().getEncoded(), // SubjectPublicKeyInfo, already DER
              tagged(
                  0xa3,
                  seq(seq(oid(SUBJECT_ALT_NAME), octets(seq(tagged(0x82, ascii(dnsName))))))));
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(keys.getPrivate());
      signer.update(tbs);
      byte[] cert = seq(tbs, algorithm, bitString(signer.sign()));
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

  // --- DER, just the types a certificate needs ---

  private static byte[] seq(byte[]... parts) {
    return tlv(0x30, concat(parts));
  }

  private static byte[] set(byte[]... parts) {
    return tlv(0x31, concat(parts));
  }

  private static byte[] tagged(int tag, byte[] content) {
    return tlv(tag, content);
  }

  private static byte[] integer(BigInteger value) {
    return tlv(0x02, value.toByteArray());
  }

  private static byte[] oid(byte[] encoded) {
    return tlv(0x06, encoded);
  }

  private static byte[] utf8(String s) {
    return tlv(0x0c, s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] utcTime(Instant t) {
    return tlv(0x17, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] octets(byte[] content) {
    return tlv(0x04, content);
  }

  private static byte[] bitString(byte[] content) {
    return tlv(0x03, concat(new byte[] {0}, content)); // no unused bits
  }

  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(n) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(n >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
