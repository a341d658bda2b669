package dev.lbr.forwarder;

/**
 * The Kubernetes side, plugged into {@link Forwarder}: informers that feed a {@link ChangeSink}
 * (package {@code dev.lbr.forwarder.kube}). Until it is wired, {@link #NONE} publishes nothing.
 */
public interface ChangeSource extends AutoCloseable {

  /** Starts delivering changes to {@code sink}; returns once started. */
  void start(ForwarderOptions options, ChangeSink sink) throws Exception;

  /** True once the initial listings are synced (drives /readyz). */
  boolean ready();

  /** True while this replica leads (a source without an election always does). */
  default boolean leading() {
    return true;
  }

  @Override
  void close();

  /** No informers: the forwarder runs, serves its endpoints and publishes nothing. */
  ChangeSource NONE =
      new ChangeSource() {
        @Override
        public void start(ForwarderOptions options, ChangeSink sink) {}

        @Override
        public boolean ready() {
          return true;
        }

        @Override
        public void close() {}
      };
}
