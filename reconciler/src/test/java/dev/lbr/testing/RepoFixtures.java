package dev.lbr.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Manifests shared by tests of several modules (in {@code shared}'s test resources). */
public final class RepoFixtures {
  private RepoFixtures() {}

  /** An IngressGroup {@code shop}: Ingresses default/cart and web/front with their Services. */
  public static String ingressGroupOfTwo() {
    return read("/fixtures/ingress-group-of-two.yaml");
  }

  private static String read(String resource) {
    try (InputStream in = RepoFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
