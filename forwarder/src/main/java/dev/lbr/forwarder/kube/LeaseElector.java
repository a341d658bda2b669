package dev.lbr.forwarder.kube;

import dev.lbr.forwarder.publish.JsonLog;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1Lease;
import io.kubernetes.client.openapi.models.V1LeaseSpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Leader election on a {@code coordination.k8s.io/v1} Lease, as client-go does it: every {@code
 * retryPeriod} the leader renews; the others take the lease over once they have seen it unchanged
 * for a whole {@code leaseDuration} (judged by their own clock, so clock skew does not matter).
 * Writes are optimistic (resourceVersion), so two candidates cannot both win. A leader that cannot
 * renew for two thirds of the lease duration stops leading before anyone else may start.
 */
public final class LeaseElector implements AutoCloseable {

  /** Where the lease is and who we are. */
  public record Config(
      String namespace,
      String name,
      String identity,
      Duration leaseDuration,
      Duration retryPeriod) {
    public Config {
      Objects.requireNonNull(identity, "identity");
      if (leaseDuration.compareTo(retryPeriod.multipliedBy(2)) < 0) {
        throw new IllegalArgumentException("leaseDuration must be at least twice retryPeriod");
      }
    }
  }

  private final CoordinationV1Api api;
  private final Config config;
  private final Runnable onStartLeading;
  private final Runnable onStopLeading;
  private final Consumer<String> log;
  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "lease-elector");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean leader;
  private volatile boolean halted;
  private long lastRenewNanos;
  private String observedVersion;
  private long observedAtNanos;

  public LeaseElector(
      ApiClient client,
      Config config,
      Runnable onStartLeading,
      Runnable onStopLeading,
      Consumer<String> log) {
    this.api = new CoordinationV1Api(client);
    this.config = config;
    this.onStartLeading = onStartLeading;
    this.onStopLeading = onStopLeading;
    this.log = log;
  }

  public void start() {
    loop.scheduleWithFixedDelay(
        this::tick, 0, config.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean isLeader() {
    return leader;
  }

  /**
   * Stops campaigning; a leader stops leading and releases the lease so a successor need not wait.
   */
  @Override
  public void close() {
    halt();
    if (leader) {
      leader = false;
      onStopLeading.run();
      try {
        V1Lease lease = api.readNamespacedLease(config.name(), config.namespace()).execute();
        if (config.identity().equals(lease.getSpec().getHolderIdentity())) {
          lease.getSpec().holderIdentity(null).leaseDurationSeconds(1);
          api.replaceNamespacedLease(config.name(), config.namespace(), lease).execute();
        }
      } catch (ApiException | RuntimeException e) {
        log.accept("could not release lease: " + e.getMessage());
      }
    }
  }

  /** Stops campaigning without releasing anything, as a crashed process would. */
  void halt() {
    halted = true; // what the interrupted loop hits now is no news
    loop.shutdownNow();
    try {
      loop.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void tick() {
    boolean held;
    try {
      held = tryAcquireOrRenew();
    } catch (ApiException | RuntimeException e) {
      if (!halted) {
        log.accept("lease " + config.name() + ": " + describe(e));
      }
      held = false;
    } catch (Error e) { // e.g. a class missing from the runtime: say so, never stop silently
      log.accept("lease " + config.name() + " failed: " + e);
      held = false;
    }
    if (halted) {
      return;
    }
    long now = System.nanoTime();
    if (held) {
      lastRenewNanos = now;
      if (!leader) {
        leader = true;
        JsonLog.info("leading", "identity", config.identity(), "lease", config.name());
        onStartLeading.run();
      }
    } else if (leader && now - lastRenewNanos > config.leaseDuration().toNanos() * 2 / 3) {
      leader = false;
      log.accept(config.identity() + " lost the lease");
      onStopLeading.run();
    }
  }

  private boolean tryAcquireOrRenew() throws ApiException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    int seconds = (int) Math.max(1, config.leaseDuration().toSeconds());
    V1Lease lease;
    try {
      lease = api.readNamespacedLease(config.name(), config.namespace()).execute();
    } catch (ApiException e) {
      if (e.getCode() != 404) {
        throw e;
      }
      V1Lease fresh =
          new V1Lease()
              .metadata(new V1ObjectMeta().name(config.name()).namespace(config.namespace()))
              .spec(
                  new V1LeaseSpec()
                      .holderIdentity(config.identity())
                      .leaseDurationSeconds(seconds)
                      .acquireTime(now)
                      .renewTime(now)
                      .leaseTransitions(0));
      return write(() -> api.createNamespacedLease(config.namespace(), fresh).execute());
    }
    V1LeaseSpec spec = lease.getSpec() == null ? new V1LeaseSpec() : lease.getSpec();
    String version = lease.getMetadata().getResourceVersion();
    long nanos = System.nanoTime();
    if (!Objects.equals(version, observedVersion)) {
      observedVersion = version;
      observedAtNanos = nanos;
    }
    String holder = spec.getHolderIdentity();
    boolean mine = config.identity().equals(holder);
    long held = spec.getLeaseDurationSeconds() == null ? seconds : spec.getLeaseDurationSeconds();
    boolean expired =
        holder == null
            || holder.isEmpty()
            || nanos - observedAtNanos > TimeUnit.SECONDS.toNanos(held);
    if (!mine && !expired) {
      return false;
    }
    if (!mine) {
      spec.holderIdentity(config.identity())
          .acquireTime(now)
          .leaseTransitions(
              spec.getLeaseTransitions() == null ? 1 : spec.getLeaseTransitions() + 1);
    }
    spec.renewTime(now).leaseDurationSeconds(seconds);
    lease.spec(spec);
    return write(
        () -> api.replaceNamespacedLease(config.name(), config.namespace(), lease).execute());
  }

  private static String describe(Exception e) {
    return e instanceof ApiException api && api.getCode() != 0
        ? "HTTP " + api.getCode() + " " + api.getResponseBody()
        : JsonLog.describe(e);
  }

  private interface Write {
    V1Lease run() throws ApiException;
  }

  private boolean write(Write write) throws ApiException {
    try {
      V1Lease written = write.run();
      observedVersion = written.getMetadata().getResourceVersion();
      observedAtNanos = System.nanoTime();
      return true;
    } catch (ApiException e) {
      if (e.getCode() == 409) {
        return false; // someone else wrote first
      }
      throw e;
    }
  }
}
