package dev.lbr.forwarder.kube;

import io.kubernetes.client.openapi.ApiClient;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Informers that run only while this replica holds the Lease. Each term starts fresh informers, so
 * the new leader lists everything and sends an inventory: whatever changed during the handover
 * reaches the sink (the reconciler's conditional writes drop what it already had).
 */
public final class LeaderForwarding implements AutoCloseable {

  private final LeaseElector elector;
  private final Supplier<KubeInformers> informers;
  private KubeInformers current;

  public LeaderForwarding(
      ApiClient client,
      LeaseElector.Config config,
      Supplier<KubeInformers> informers,
      Consumer<String> log) {
    this.informers = informers;
    this.elector = new LeaseElector(client, config, this::startLeading, this::stopLeading, log);
  }

  public void start() {
    elector.start();
  }

  public boolean isLeader() {
    return elector.isLeader();
  }

  @Override
  public void close() {
    elector.close();
    stopLeading();
  }

  /** As if the process died: no more renewals, no release, nothing more sent. */
  void crash() {
    elector.halt();
    stopLeading();
  }

  private synchronized void startLeading() {
    stopLeading();
    current = informers.get();
    current.start();
  }

  private synchronized void stopLeading() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
