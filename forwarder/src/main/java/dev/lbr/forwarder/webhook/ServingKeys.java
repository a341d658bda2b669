package dev.lbr.forwarder.webhook;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The serving certificate and key, swapped in place when the Secret changes: one {@link SSLContext}
 * for the life of the server, whose key manager hands each new handshake the keys current then.
 * Every generation has its own alias, and the previous one stays readable, so a handshake that
 * started before a swap finishes with the keys it chose.
 */
public final class ServingKeys extends X509ExtendedKeyManager {

  private record Keys(String alias, X509Certificate[] chain, PrivateKey key, String pem) {}

  private volatile Keys current;
  private volatile Keys previous;
  private int generation;

  /** Loads (or replaces) the keys; no-op when the PEM texts are those already served. */
  public synchronized void use(String certificateChainPem, String privateKeyPem) {
    String pem = certificateChainPem + privateKeyPem;
    if (current != null && current.pem().equals(pem)) {
      return;
    }
    List<X509Certificate> chain = Certificates.certificates(certificateChainPem);
    PrivateKey key = Certificates.privateKey(privateKeyPem);
    previous = current;
    current = new Keys("webhook-" + ++generation, chain.toArray(X509Certificate[]::new), key, pem);
  }

  /** The serving certificate, empty until keys are loaded. */
  public Optional<X509Certificate> certificate() {
    Keys k = current;
    return k == null ? Optional.empty() : Optional.of(k.chain()[0]);
  }

  /** A TLS 1.2+ server context that always serves the current keys. */
  public SSLContext sslContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {this}, null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS in this JDK", e);
    }
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return chooseServerAlias(keyType, issuers, null);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    Keys k = current;
    if (k == null) {
      return null;
    }
    String algorithm = k.key().getAlgorithm();
    return keyType.equals(algorithm) || keyType.startsWith(algorithm + "_") ? k.alias() : null;
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    String alias = chooseServerAlias(keyType, issuers, null);
    return alias == null ? null : new String[] {alias};
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    Keys k = byAlias(alias);
    return k == null ? null : k.chain().clone();
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    Keys k = byAlias(alias);
    return k == null ? null : k.key();
  }

  private Keys byAlias(String alias) {
    for (Keys k : new Keys[] {current, previous}) {
      if (k != null && k.alias().equals(alias)) {
        return k;
      }
    }
    return null;
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}
