package dev.lbr.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy in front of an HTTP server that, once armed, forwards the next request containing
 * given markers, lets the server answer it, and drops the connection instead of passing the answer
 * on: the request took effect, the client sees a connection reset and retries. It sees plain
 * HTTP/1.1 (one request, then its reply, per connection at a time).
 */
public final class ReplyDropper implements AutoCloseable {
  private final ServerSocket listener;
  private final String host;
  private final int port;
  private final AtomicReference<List<String>> armed = new AtomicReference<>();
  private final AtomicInteger dropped = new AtomicInteger();
  private final AtomicInteger matching = new AtomicInteger();
  private volatile List<String> counted = List.of("\u0000never");

  public ReplyDropper(URI target) {
    this.host = target.getHost();
    this.port = target.getPort();
    try {
      this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread accept = new Thread(this::acceptLoop, "reply-dropper");
    accept.setDaemon(true);
    accept.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  /** Drops the reply to the next request containing all {@code markers}; counts such requests. */
  public void dropNextReplyTo(String... markers) {
    counted = List.of(markers);
    armed.set(List.of(markers));
  }

  /** Replies dropped so far. */
  public int dropped() {
    return dropped.get();
  }

  /** Requests seen so far that contained the markers last armed (the dropped one and retries). */
  public int matchingRequests() {
    return matching.get();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(host, port);
        Connection c = new Connection(client, server);
        start(c::forwardRequests);
        start(c::forwardReplies);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static void start(Runnable pump) {
    Thread t = new Thread(pump, "reply-dropper-pump");
    t.setDaemon(true);
    t.start();
  }

  private static boolean containsAll(String text, List<String> markers) {
    return markers.stream().allMatch(text::contains);
  }

  /** One client connection and its upstream connection. */
  private final class Connection {
    private final Socket client;
    private final Socket server;
    private final StringBuilder request = new StringBuilder();

    Connection(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    void forwardRequests() {
      byte[] buffer = new byte[8192];
      try (InputStream in = client.getInputStream();
          OutputStream out = server.getOutputStream()) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          String text = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
          synchronized (request) {
            request.append(text); // before the server can answer
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side closed
      } finally {
        closeBoth();
      }
    }

    void forwardReplies() {
      byte[] buffer = new byte[8192];
      try (InputStream in = server.getInputStream();
          OutputStream out = client.getOutputStream()) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          String answered;
          synchronized (request) {
            answered = request.toString();
            request.setLength(0);
          }
          if (!answered.isEmpty() && containsAll(answered, counted)) {
            matching.incrementAndGet();
          }
          List<String> markers = armed.get();
          if (markers != null
              && !answered.isEmpty()
              && containsAll(answered, markers)
              && armed.compareAndSet(markers, null)) {
            dropped.incrementAndGet();
            return; // the server answered; the client never hears it
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side closed
      } finally {
        closeBoth();
      }
    }

    private void closeBoth() {
      try {
        client.close();
      } catch (IOException ignored) {
        // closing
      }
      try {
        server.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
