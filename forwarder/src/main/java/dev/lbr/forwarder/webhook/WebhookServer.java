package dev.lbr.forwarder.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.lbr.forwarder.publish.JsonLog;
import dev.lbr.k8s.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * HTTPS (TLS 1.2 and 1.3 only) on the webhook port: {@value #PATH} takes AdmissionReview POSTs and
 * answers through the {@link AdmissionHandler}; anything else is 404 or 405. The keys come from
 * {@link ServingKeys}, swapped without a restart.
 */
public final class WebhookServer implements AutoCloseable {
  public static final String PATH = "/mutate-v1-pod";

  /** An AdmissionReview carries one pod: far below this. */
  static final int MAX_BODY = 3 * 1024 * 1024;

  private final HttpsServer server;
  private final ExecutorService executor;

  public WebhookServer(int port, ServingKeys keys, AdmissionHandler handler) throws IOException {
    SSLContext context = keys.sslContext();
    server = HttpsServer.create(new InetSocketAddress(port), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(context) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters p = context.getDefaultSSLParameters();
            p.setProtocols(
                Arrays.stream(p.getProtocols())
                    .filter(v -> v.equals("TLSv1.2") || v.equals("TLSv1.3"))
                    .toArray(String[]::new));
            p.setNeedClientAuth(false);
            params.setSSLParameters(p);
          }
        });
    server.createContext(PATH, exchange -> serve(exchange, handler));
    executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "webhook-https");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.start();
  }

  /** The port listened on (useful with port 0 in tests). */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void serve(HttpExchange exchange, AdmissionHandler handler) throws IOException {
    try (exchange) {
      if (!PATH.equals(exchange.getRequestURI().getPath())) {
        reply(exchange, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        reply(exchange, 405, "text/plain", "POST only\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        reply(exchange, 413, "text/plain", "too large\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      ObjectNode answer;
      try {
        answer = handler.review(body);
      } catch (AdmissionHandler.NotAReview e) {
        JsonLog.warn("not an AdmissionReview", "error", e.getMessage());
        reply(
            exchange, 400, "text/plain", (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        return;
      }
      reply(exchange, 200, "application/json", Json.mapper().writeValueAsBytes(answer));
    }
  }

  private static void reply(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
