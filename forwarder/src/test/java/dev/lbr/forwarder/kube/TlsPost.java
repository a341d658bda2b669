package dev.lbr.forwarder.kube;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * One HTTPS POST as the API server calls a webhook: to an address (host:port), trusting only the
 * PEM CA bundle, with the certificate checked against {@code serverName} (sent as SNI, and the name
 * the JDK's endpoint identification verifies), not against the address. HTTP/1.1, Connection:
 * close, a Content-Length answer.
 */
public final class TlsPost {
  private TlsPost() {}

  public record Answer(int status, byte[] body) {}

  public static Answer post(
      URI address,
      String serverName,
      String caBundlePem,
      String path,
      byte[] body,
      Duration timeout)
      throws IOException, GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust(caBundlePem).getTrustManagers(), null);
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
      socket.connect(
          new InetSocketAddress(address.getHost(), address.getPort()), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      SSLParameters params = socket.getSSLParameters();
      params.setEndpointIdentificationAlgorithm("HTTPS");
      params.setServerNames(List.of(new SNIHostName(serverName)));
      socket.setSSLParameters(params);
      socket.startHandshake();
      OutputStream out = socket.getOutputStream();
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: "
              + serverName
              + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
              + "Content-Length: "
              + body.length
              + "\r\nConnection: close\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return parse(socket.getInputStream());
    }
  }

  private static TrustManagerFactory trust(String caBundlePem) throws GeneralSecurityException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int i = 0;
      for (Certificate c :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(
                  new ByteArrayInputStream(caBundlePem.getBytes(StandardCharsets.US_ASCII)))) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      TrustManagerFactory f =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init(store);
      return f;
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static Answer parse(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    String text = new String(all, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("no HTTP answer");
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    int length = -1;
    for (String line : lines) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    int from = end + 4;
    int to = length < 0 ? all.length : Math.min(all.length, from + length);
    byte[] body = new byte[to - from];
    System.arraycopy(all, from, body, 0, body.length);
    return new Answer(status, body);
  }
}
