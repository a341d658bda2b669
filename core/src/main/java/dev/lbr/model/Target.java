package dev.lbr.model;

/** A target registration: a pod IP (or instance id) and port. */
public record Target(String id, int port) implements Comparable<Target> {

  /** {@code id:port}, the form kept in checkpoints. */
  public String key() {
    return id + ":" + port;
  }

  public static Target parse(String key) {
    int colon = key.lastIndexOf(':');
    return new Target(key.substring(0, colon), Integer.parseInt(key.substring(colon + 1)));
  }

  @Override
  public int compareTo(Target o) {
    int c = id.compareTo(o.id);
    return c != 0 ? c : Integer.compare(port, o.port);
  }
}
