package dev.lbr.bench;

import dev.lbr.forwarder.Forwarder;
import dev.lbr.forwarder.publish.Backoff;
import dev.lbr.forwarder.publish.Coalescer;
import dev.lbr.forwarder.publish.EventBridgeClients;
import dev.lbr.forwarder.publish.EventBridgePublisher;
import dev.lbr.forwarder.publish.EventPublisher;
import dev.lbr.forwarder.publish.ForwarderMetrics;
import dev.lbr.forwarder.publish.JsonLog;
import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.ObjectMeta;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.MutableClock;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The forwarder's figures: how many events per second it publishes, how much a rolling update is
 * coalesced, and how much memory it holds while watching many endpoints ({@link ForwarderMemory}).
 */
final class ForwarderBenchmark {

  private ForwarderBenchmark() {}

  public static void main(String[] args) throws Exception {
    int objects = ReconcileBenchmark.option(args, "--objects", 2000);
    int pods = ReconcileBenchmark.option(args, "--pods", 100);
    int services = ReconcileBenchmark.option(args, "--services", 100);
    int perService = ReconcileBenchmark.option(args, "--endpoints", 100);
    JsonLog.to(new PrintStream(OutputStream.nullOutputStream())); // one line per PutEvents call

    System.out.println("## Publishing (" + objects + " distinct EndpointSlices, window 0)\n");
    System.out.println("| publisher | events | seconds | events/s |");
    System.out.println("|---|---:|---:|---:|");
    throughput("none, cold JVM (envelopes and batching only)", events -> List.of(), objects);
    throughput("none, warm", events -> List.of(), objects);
    try (EventBridgeClient client =
        EventBridgeClients.create(AwsEmulator.endpoint(), AwsEmulator.region())) {
      client.createEventBus(b -> b.name("bench"));
      EventPublisher emulator =
          new EventBridgePublisher(
              client, "bench", Backoff.standard(), new ForwarderMetrics(Clock.systemUTC()));
      throughput("PutEvents on the emulator (" + AwsEmulator.setting() + ")", emulator, objects);
    }

    List<RollingUpdate.Version> rollout = RollingUpdate.of(pods, 42);
    Duration took = rollout.get(rollout.size() - 1).at();
    System.out.printf(
        "%n## Coalescing a %d-pod rolling update (%d slice versions over %.1f s simulated)%n%n",
        pods, rollout.size(), took.toMillis() / 1000.0);
    System.out.println("| window | slice versions in | events out | coalescing ratio |");
    System.out.println("|---|---:|---:|---:|");
    for (Duration window : List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(5))) {
      coalesce(rollout, window);
    }

    System.out.printf(
        "%n## Memory while watching %d endpoints (%d Services × %d)%n%n",
        services * perService, services, perService);
    ForwarderMemory.run(services, perService);
  }

  /** Distinct objects through the coalescer (window 0) to a publisher, timed to the last event. */
  private static void throughput(String label, EventPublisher publisher, int objects) {
    AtomicInteger published = new AtomicInteger();
    EventPublisher counting =
        events -> {
          List<dev.lbr.forwarder.publish.OutgoingEvent> undelivered = publisher.publish(events);
          published.addAndGet(events.size() - undelivered.size());
          return undelivered;
        };
    Coalescer coalescer =
        new Coalescer(
            "bench",
            Duration.ZERO,
            Clock.systemUTC(),
            counting,
            new ForwarderMetrics(Clock.systemUTC()));
    List<K8sEndpointSlice> slices = new ArrayList<>();
    for (int i = 0; i < objects; i++) {
      slices.add(slice("web-" + i, 10, i));
    }
    long start = System.nanoTime();
    slices.forEach(coalescer::upsert);
    coalescer.flush();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "| %s | %d | %.2f | %.0f |%n", label, published.get(), seconds, published.get() / seconds);
  }

  /** Replays the rollout on a simulated clock, ticking as the forwarder does. */
  private static void coalesce(List<RollingUpdate.Version> rollout, Duration window) {
    MutableClock clock = MutableClock.start();
    java.time.Instant t0 = clock.instant();
    AtomicInteger out = new AtomicInteger();
    EventPublisher counting =
        events -> {
          out.addAndGet(events.size());
          return List.of();
        };
    Coalescer coalescer =
        new Coalescer("bench", window, clock, counting, new ForwarderMetrics(clock));
    Duration tick = Forwarder.tickPeriod(window);
    Duration next = tick;
    for (RollingUpdate.Version v : rollout) {
      while (next.compareTo(v.at()) <= 0) {
        clock.set(t0.plus(next));
        coalescer.tick();
        next = next.plus(tick);
      }
      clock.set(t0.plus(v.at()));
      coalescer.upsert(v.slice());
    }
    clock.advance(window.plus(tick));
    coalescer.tick();
    System.out.printf(
        "| %s | %d | %d | %.1f : 1 |%n",
        window.isZero() ? "0 (off)" : window.toSeconds() + " s",
        rollout.size(),
        out.get(),
        rollout.size() / (double) out.get());
  }

  static K8sEndpointSlice slice(String name, int endpoints, int seed) {
    List<K8sEndpointSlice.Endpoint> list = new ArrayList<>();
    for (int i = 0; i < endpoints; i++) {
      list.add(
          new K8sEndpointSlice.Endpoint(
              List.of("10." + (seed % 200) + "." + (i / 250) + "." + (i % 250 + 1)),
              new K8sEndpointSlice.Conditions(true, true, false),
              "node-" + (i % 4),
              "eu-west-1a",
              null));
    }
    var meta =
        new ObjectMeta(
            "shop",
            name,
            "uid-" + name,
            Integer.toString(1000 + seed),
            Map.of(K8sEndpointSlice.SERVICE_NAME_LABEL, name),
            Map.of(),
            null,
            null);
    return new K8sEndpointSlice(
        meta, "IPv4", List.of(new K8sEndpointSlice.Port("http", 8080, "TCP")), list);
  }
}
