package dev.lbr.functions;

import dev.lbr.event.Events;
import dev.lbr.event.Operation;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.model.StackId;
import dev.lbr.state.HistoryEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Scenario 01's NLB Service, copied under other names, versions and uids, sent as events. */
final class BoundsFixture {
  static final String ORIGINAL = "svc-nlb-ip-type";
  static final String UID = "7b1c2d3e-0001-4a5b-9c8d-000000000001";

  private BoundsFixture() {}

  /** Scenario 01's step 1 played: one NLB, and the network for the copies. */
  static Harness started() {
    Harness h = new Harness();
    h.playsScenario("01-echo-nlb", 1);
    return h;
  }

  /** The Service and its slice as {@code name}, with the given uid and versions. */
  static List<K8sObject> copy(Harness h, String name, String uid, String rv, String crossZone) {
    try {
      String yaml =
          Files.readString(Harness.scenario("01-echo-nlb").resolve("step1.yaml"))
              .replace(ORIGINAL, name)
              .replace(UID, uid)
              .replace("resourceVersion: \"1001\"", "resourceVersion: \"" + rv + "\"")
              .replace(
                  "cross-zone-load-balancing-enabled: \"true\"",
                  "cross-zone-load-balancing-enabled: \"" + crossZone + "\"");
      Path file = Files.createTempFile("bounds-" + name, ".yaml");
      Files.writeString(file, yaml);
      return h.objects(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Upserts of the objects, one batch. */
  static List<String> upserts(List<K8sObject> objects) {
    return objects.stream()
        .map(o -> Events.envelope(Harness.CLUSTER, o, Operation.UPSERT, Instant.EPOCH))
        .toList();
  }

  /** Creates Services {@code names} (their NLBs) beside the original. */
  static void services(Harness h, String... names) {
    for (int i = 0; i < names.length; i++) {
      var response =
          Harness.send(h.reconcile, upserts(copy(h, names[i], "uid-" + names[i], "1001", "true")));
      org.assertj.core.api.Assertions.assertThat(response.batchItemFailures()).isEmpty();
    }
  }

  static String delete(String name, String uid, String rv) {
    return Events.deleteEnvelope(
        Harness.CLUSTER, new ObjectKey(Kind.SERVICE, "default", name), uid, rv, Instant.EPOCH);
  }

  static String inventory(Instant at, String rv, List<String> services) {
    return Events.inventory(
        Harness.CLUSTER,
        at,
        rv,
        Map.of(
            Kind.SERVICE,
            services.stream().map(n -> new ObjectKey(Kind.SERVICE, "default", n)).toList(),
            Kind.INGRESS,
            List.<ObjectKey>of()));
  }

  static StackId stack(String name) {
    return StackId.service("default", name);
  }

  static List<String> history(Harness h, String name) {
    return h.lbr.stores().history().recent(stack(name), 20).stream()
        .map(HistoryEntry::result)
        .toList();
  }
}
