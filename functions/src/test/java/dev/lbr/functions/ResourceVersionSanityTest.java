package dev.lbr.functions;

import static dev.lbr.functions.BoundsFixture.copy;
import static dev.lbr.functions.BoundsFixture.delete;
import static dev.lbr.functions.BoundsFixture.upserts;
import static dev.lbr.functions.GarbageCollectionTest.loadBalancers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.event.Events;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forged resourceVersions neither pin an object nor block its re-creation. */
class ResourceVersionSanityTest {
  private static final ObjectKey SERVICE =
      new ObjectKey(Kind.SERVICE, "default", BoundsFixture.ORIGINAL);

  @Test
  void aVersionNoEtcdCanHaveOrOneFarAboveTheHighWaterMarkIsRejected() {
    Harness h = BoundsFixture.started();
    String huge = "99999999999999999999999999999999999999";
    String farAhead = "10000002002"; // the mark is 2001; the margin 10^10

    for (String rv : List.of(huge, farAhead)) {
      var forged = upserts(copy(h, BoundsFixture.ORIGINAL, BoundsFixture.UID, rv, "false"));
      var response = Harness.send(h.reconcile, forged.subList(0, 1));

      assertThat(response.batchItemFailures()).as(rv).hasSize(1);
    }
    assertThat(h.lbr.stores().snapshots().read(SERVICE).orElseThrow().resourceVersion())
        .isEqualTo("1001");
    assertThat(h.lbr.stores().bounds().highWater()).contains("2001");
  }

  @Test
  void aForgedVersionNearTheMarkDoesNotPinTheObject() {
    Harness h = BoundsFixture.started();
    Harness.send(h.reconcile, service(h, "10000000000", "false"));
    assertThat(crossZone(h)).isEqualTo("false");

    Harness.send(h.reconcile, service(h, "1005", "true"));
    assertThat(crossZone(h)).as("pinned until an inventory shows the version").isEqualTo("false");

    h.clock.advance(Duration.ofHours(1));
    String inventory =
        Events.inventory(
            Harness.CLUSTER, h.clock.instant(), "3000", Map.of(Kind.SERVICE, List.of(SERVICE)));
    assertThat(Harness.send(h.reconcile, List.of(inventory)).batchItemFailures()).isEmpty();
    Harness.send(h.reconcile, service(h, "1006", "true"));

    assertThat(h.lbr.stores().snapshots().read(SERVICE).orElseThrow().resourceVersion())
        .isEqualTo("1006");
    assertThat(crossZone(h)).as("the real update applies").isEqualTo("true");
  }

  @Test
  void aDeleteWithAHugeVersionDoesNotBlockReCreation() {
    Harness h = BoundsFixture.started();
    Harness.send(
        h.reconcile, List.of(delete(BoundsFixture.ORIGINAL, BoundsFixture.UID, "9000000000")));
    assertThat(loadBalancers(h)).isEmpty();

    var recreated = copy(h, BoundsFixture.ORIGINAL, "uid-recreated", "3000", "true");
    assertThat(Harness.send(h.reconcile, upserts(recreated)).batchItemFailures()).isEmpty();

    assertThat(loadBalancers(h)).hasSize(1);
    assertThat(h.lbr.stores().snapshots().get(SERVICE).orElseThrow().metadata().uid())
        .isEqualTo("uid-recreated");
  }

  private static List<String> service(Harness h, String rv, String crossZone) {
    return upserts(copy(h, BoundsFixture.ORIGINAL, BoundsFixture.UID, rv, crossZone)).subList(0, 1);
  }

  private static String crossZone(Harness h) {
    String arn =
        h.clients.elbv2().describeLoadBalancers(r -> {}).loadBalancers().get(0).loadBalancerArn();
    return h
        .clients
        .elbv2()
        .describeLoadBalancerAttributes(r -> r.loadBalancerArn(arn))
        .attributes()
        .stream()
        .filter(a -> a.key().equals("load_balancing.cross_zone.enabled"))
        .findFirst()
        .orElseThrow()
        .value();
  }
}
