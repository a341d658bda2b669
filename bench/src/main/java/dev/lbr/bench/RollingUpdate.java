package dev.lbr.bench;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.ObjectMeta;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The EndpointSlice versions a Deployment's rolling update produces, on a simulated timeline.
 *
 * <p>Defaults of a Deployment: maxSurge and maxUnavailable 25%, so pods are replaced in waves of a
 * quarter. In a wave each new pod appears unready within a second, turns ready 4–8 s later
 * (readiness probe); each old pod turns terminating within a second and is removed 1–3 s later
 * (graceful shutdown). The next wave starts when the wave's new pods are all ready. Slices hold at
 * most 100 endpoints: old pods fill the first slice, new ones go to the first slice with room, as
 * the EndpointSlice controller does. Every endpoint change is a new version of its slice.
 */
final class RollingUpdate {

  /** One slice version and when the API server wrote it. */
  record Version(Duration at, K8sEndpointSlice slice) {}

  private static final int SLICE_CAPACITY = 100;

  private record Pod(String ip, boolean ready, boolean terminating) {}

  private record Step(Duration at, Runnable change) {}

  private final List<Map<String, Pod>> slices = new ArrayList<>();
  private final List<Version> versions = new ArrayList<>();
  private long rv = 1000;

  private RollingUpdate() {}

  /** The slice versions of replacing {@code replicas} pods, in time order. */
  static List<Version> of(int replicas, long seed) {
    return new RollingUpdate().run(replicas, new Random(seed));
  }

  private List<Version> run(int replicas, Random random) {
    for (int i = 0; i < replicas; i++) {
      place(new Pod(ip(0, i), true, false));
    }
    int wave = Math.max(1, replicas / 4);
    Duration waveStart = Duration.ZERO;
    for (int first = 0; first < replicas; first += wave) {
      List<Step> steps = new ArrayList<>();
      Duration lastReady = waveStart;
      for (int i = first; i < Math.min(replicas, first + wave); i++) {
        String oldIp = ip(0, i);
        String newIp = ip(1, i);
        Duration created = waveStart.plusMillis(random.nextInt(1000));
        Duration ready = created.plusMillis(4000 + random.nextInt(4000));
        Duration terminating = waveStart.plusMillis(random.nextInt(1000));
        Duration removed = terminating.plusMillis(1000 + random.nextInt(2000));
        steps.add(new Step(created, () -> place(new Pod(newIp, false, false))));
        steps.add(new Step(ready, () -> update(newIp, new Pod(newIp, true, false))));
        steps.add(new Step(terminating, () -> update(oldIp, new Pod(oldIp, false, true))));
        steps.add(new Step(removed, () -> remove(oldIp)));
        lastReady = ready.compareTo(lastReady) > 0 ? ready : lastReady;
      }
      steps.sort(Comparator.comparing(Step::at));
      for (Step step : steps) {
        step.change().run();
        record(step.at());
      }
      waveStart = lastReady;
    }
    return versions;
  }

  /** The slice the last change touched. */
  private int changed;

  private static String ip(int generation, int i) {
    return "10." + (generation + 1) + "." + (i / 250) + "." + (i % 250 + 1);
  }

  private void place(Pod pod) {
    for (int i = 0; i < slices.size(); i++) {
      if (slices.get(i).size() < SLICE_CAPACITY) {
        slices.get(i).put(pod.ip(), pod);
        changed = i;
        return;
      }
    }
    slices.add(new LinkedHashMap<>(Map.of(pod.ip(), pod)));
    changed = slices.size() - 1;
  }

  private void update(String ip, Pod pod) {
    for (int i = 0; i < slices.size(); i++) {
      if (slices.get(i).containsKey(ip)) {
        slices.get(i).put(ip, pod);
        changed = i;
      }
    }
  }

  private void remove(String ip) {
    for (int i = 0; i < slices.size(); i++) {
      if (slices.get(i).remove(ip) != null) {
        changed = i;
      }
    }
  }

  private void record(Duration at) {
    int index = changed;
    List<K8sEndpointSlice.Endpoint> endpoints =
        slices.get(index).values().stream()
            .map(
                p ->
                    new K8sEndpointSlice.Endpoint(
                        List.of(p.ip()),
                        new K8sEndpointSlice.Conditions(
                            p.ready(), p.ready() || p.terminating(), p.terminating()),
                        "node-" + (p.ip().hashCode() & 3),
                        "eu-west-1a",
                        null))
            .toList();
    var meta =
        new ObjectMeta(
            "shop",
            "web-" + index,
            "uid-web-" + index,
            Long.toString(++rv),
            Map.of(K8sEndpointSlice.SERVICE_NAME_LABEL, "web"),
            Map.of(),
            null,
            null);
    versions.add(
        new Version(
            at,
            new K8sEndpointSlice(
                meta, "IPv4", List.of(new K8sEndpointSlice.Port("http", 8080, "TCP")), endpoints)));
  }
}
