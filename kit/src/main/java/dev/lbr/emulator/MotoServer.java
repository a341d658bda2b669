package dev.lbr.emulator;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A moto server ({@code moto_server}) on a free loopback port: one endpoint for every AWS service
 * the project uses. Found through {@code MOTO_SERVER}, then {@code PATH}, then pyenv's versions.
 * Close it to stop the process and its children.
 */
public final class MotoServer implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final int START_ATTEMPTS = 3;

  private final Process process;
  private final URI endpoint;
  private final Path log;
  private final HttpClient http = HttpClient.newHttpClient();

  private MotoServer(Process process, URI endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
  }

  /** Finds {@code moto_server} and starts it; fails with a clear message when it cannot. */
  public static MotoServer start() {
    return start(locate());
  }

  public static MotoServer start(Path executable) {
    PortTaken last = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      try {
        return launch(executable, freePort());
      } catch (PortTaken e) {
        last = e; // taken between choosing and binding it: choose again
      }
    }
    throw last;
  }

  /** The executable, or an error listing every place looked at. */
  public static Path locate() {
    List<String> looked = new ArrayList<>();
    return locate(System.getenv(), Path.of(System.getProperty("user.home")), looked)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "moto_server not found. Install moto (pip install 'moto[server]') or set"
                        + " MOTO_SERVER to its path. Looked at: "
                        + String.join(", ", looked)));
  }

  static Optional<Path> locate(Map<String, String> env, Path home, List<String> looked) {
    String explicit = env.get("MOTO_SERVER");
    if (explicit != null && !explicit.isBlank()) {
      looked.add("$MOTO_SERVER=" + explicit + " (must be an executable file)");
      Path p = Path.of(explicit);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    looked.add("$MOTO_SERVER (unset)");
    String path = env.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isBlank()) {
        Path p = Path.of(dir, "moto_server");
        looked.add(p.toString());
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    Path versions = home.resolve(".pyenv/versions");
    looked.add(versions + "/*/bin/moto_server");
    if (Files.isDirectory(versions)) {
      try (Stream<Path> dirs = Files.list(versions)) {
        return dirs.sorted(Comparator.reverseOrder())
            .map(v -> v.resolve("bin/moto_server"))
            .filter(Files::isExecutable)
            .findFirst();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Optional.empty();
  }

  private static MotoServer launch(Path executable, int port) {
    Path log;
    Process process;
    try {
      log = Files.createTempFile("moto-server-", ".log");
      process =
          new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + executable + ": " + e.getMessage(), e);
    }
    MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), log);
    server.awaitReady();
    return server;
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String tail = logTail();
        String message = "moto_server exited with " + process.exitValue() + ":\n" + tail;
        close();
        throw tail.contains("Address already in use")
            ? new PortTaken(message)
            : new IllegalStateException(message);
      }
      try {
        http.send(
            HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                .timeout(Duration.ofSeconds(2))
                .build(),
            HttpResponse.BodyHandlers.discarding());
        return; // any HTTP answer means it is serving
      } catch (IOException notYet) {
        sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("interrupted while waiting for moto_server", e);
      }
    }
    close();
    throw new IllegalStateException(
        "moto_server did not answer within " + START_TIMEOUT.toSeconds() + " s:\n" + logTail());
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Forgets every resource in every service and region. */
  public void reset() {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            "moto reset failed: HTTP " + r.statusCode() + " " + r.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("moto reset failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during moto reset", e);
    }
  }

  /** Stops the server and everything it started. */
  @Override
  public void close() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle p : tree) {
      try {
        p.onExit().get(5, TimeUnit.SECONDS);
      } catch (Exception stillRunning) {
        p.destroyForcibly();
      }
    }
    http.close();
    try {
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // a leftover temp file is harmless
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  private static final class PortTaken extends IllegalStateException {
    PortTaken(String message) {
      super(message);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
