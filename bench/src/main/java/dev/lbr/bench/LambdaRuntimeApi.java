package dev.lbr.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The part of Lambda's Runtime API that one execution environment uses, on 127.0.0.1, for the
 * runtime interface client in a child JVM ({@code AWS_LAMBDA_RUNTIME_API}): {@code restore/next}
 * (answered at once: the snapshot would be taken here), {@code invocation/next} (hands out the
 * queued events, then blocks until the child is stopped), the response and the error reports. It
 * records when each request arrived ({@link System#nanoTime()}).
 */
final class LambdaRuntimeApi implements AutoCloseable {
  private static final String PREFIX = "/2018-06-01/runtime/";
  private static final long DEADLINE_MS = 15 * 60 * 1000;

  /** An invocation as the child saw it: when it asked for it and when it answered. */
  record Invocation(long nextNanos, long doneNanos, String response) {}

  private final HttpServer server;
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private final List<Invocation> done = new ArrayList<>();
  private final CountDownLatch stop = new CountDownLatch(1);
  private final String functionArn;
  private final java.util.Map<String, Long> asked = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile long restoreNanos = -1;
  private volatile String failure;

  LambdaRuntimeApi(String functionArn) throws IOException {
    this.functionArn = functionArn;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(PREFIX, this::handle);
    server.start();
  }

  /** host:port, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  void enqueue(String event) {
    events.add(event);
  }

  /** Waits until {@code count} invocations are answered; fails on an error report. */
  synchronized List<Invocation> await(int count, long timeoutMillis, Process child)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (done.size() < count && failure == null) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        throw new IllegalStateException("no answer within " + timeoutMillis + " ms");
      }
      if (!child.isAlive()) {
        throw new IllegalStateException("the function's JVM exited with " + child.exitValue());
      }
      wait(Math.min(left, 200));
    }
    if (failure != null) {
      throw new IllegalStateException("the function reported an error: " + failure);
    }
    return List.copyOf(done);
  }

  /** When {@code restore/next} was asked for, or -1 if it was not (an on-demand start). */
  long restoreNanos() {
    return restoreNanos;
  }

  private void handle(HttpExchange exchange) throws IOException {
    long now = System.nanoTime();
    String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    try {
      if (path.equals("restore/next")) {
        restoreNanos = now;
        reply(exchange, 200, "");
      } else if (path.equals("invocation/next")) {
        String event = null;
        while (event == null && stop.getCount() > 0) {
          event = events.poll(100, TimeUnit.MILLISECONDS);
        }
        if (event == null) {
          reply(exchange, 500, "stopped");
          return;
        }
        String id = "req-" + now;
        asked.put(id, now);
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", id);
        exchange
            .getResponseHeaders()
            .add(
                "Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + DEADLINE_MS));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-bench");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        reply(exchange, 200, event);
      } else if (path.endsWith("/response")) {
        String id = path.substring("invocation/".length(), path.length() - "/response".length());
        reply(exchange, 202, "{}");
        finish(new Invocation(asked.get(id), now, new String(body, StandardCharsets.UTF_8)), null);
      } else if (path.endsWith("/error")) {
        reply(exchange, 202, "{}");
        finish(null, path + " " + new String(body, StandardCharsets.UTF_8));
      } else {
        reply(exchange, 404, "");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reply(exchange, 500, "interrupted");
    }
  }

  private synchronized void finish(Invocation invocation, String error) {
    if (invocation != null) {
      done.add(invocation);
    }
    if (error != null) {
      failure = error;
    }
    notifyAll();
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    stop.countDown();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
