package dev.lbr.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lbr.k8s.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable hashes of model values (Jackson with sorted map keys, then SHA-256). */
final class Hashing {
  private Hashing() {}

  static String sha256(Object value) {
    try {
      byte[] json = Json.mapper().writeValueAsBytes(value);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(
          "cannot hash " + value.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
