package dev.lbr.forwarder.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.event.Projection;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import org.junit.jupiter.api.Test;

class ChangeFilterTest {

  private final RecordingSink sink = new RecordingSink();
  private final ChangeFilter filter = new ChangeFilter(sink);
  private long rv = 10;

  private K8sObject object(String apiVersion, String kind, ObjectNode raw) {
    raw.put("apiVersion", apiVersion);
    raw.put("kind", kind);
    raw.with("metadata").put("resourceVersion", Long.toString(++rv));
    return Projection.toObject(Projection.project(raw));
  }

  private K8sObject nlb(String name, String marker) {
    return object("v1", "Service", Objects.nlbService("shop", name, marker));
  }

  private K8sObject clusterIp(String name) {
    return object("v1", "Service", Objects.clusterIpService("shop", name));
  }

  private K8sObject ingress(String name, String className, String backend) {
    return object(
        "networking.k8s.io/v1", "Ingress", Objects.ingress("shop", name, className, backend));
  }

  private K8sObject albClass() {
    return object("networking.k8s.io/v1", "IngressClass", Objects.albClass("alb"));
  }

  private K8sObject slice(String name, String service) {
    return object(
        "discovery.k8s.io/v1", "EndpointSlice", Objects.slice("shop", name, service, "10.0.0.1"));
  }

  @Test
  void anOlderOrEqualVersionIsNeverSentAgain() {
    K8sObject v1 = nlb("web", "one");
    K8sObject v2 = nlb("web", "two");
    filter.upsert(v2);
    filter.upsert(v1);
    filter.upsert(v2);
    assertThat(sink.upserts()).containsExactly(v2);
  }

  @Test
  void aServiceThatStopsBeingOursIsSentOnceMoreThenLeavesTheInventory() {
    filter.upsert(nlb("web", "one"));
    K8sObject plain = object("v1", "Service", Objects.clusterIpService("shop", "web"));
    filter.upsert(plain);
    filter.upsert(object("v1", "Service", Objects.clusterIpService("shop", "web")));
    assertThat(sink.upserts()).hasSize(2).last().isEqualTo(plain);
    assertThat(filter.inventory().get(Kind.SERVICE)).isEmpty();
  }

  @Test
  void anIngressJoiningOurClassLaterBringsItsServiceAndSlices() {
    filter.upsert(clusterIp("backend"));
    filter.upsert(slice("backend-1", "backend"));
    filter.upsert(ingress("ing", "alb", "backend"));
    assertThat(sink.upserts()).isEmpty();

    filter.upsert(albClass());
    assertThat(sink.upserts().stream().map(o -> o.key().toString()))
        .containsExactly(
            "IngressClass alb",
            "Ingress shop/ing",
            "Service shop/backend",
            "EndpointSlice shop/backend-1");
  }

  @Test
  void whenNoIngressReferencesAServiceAnyMoreItAndItsSlicesLeaveTheInventory() {
    filter.upsert(albClass());
    filter.upsert(clusterIp("backend"));
    filter.upsert(slice("backend-1", "backend"));
    filter.upsert(ingress("ing", "alb", "backend"));
    assertThat(filter.inventory().get(Kind.ENDPOINT_SLICE))
        .containsExactly(new ObjectKey(Kind.ENDPOINT_SLICE, "shop", "backend-1"));

    filter.upsert(ingress("ing", "alb", "elsewhere"));
    assertThat(filter.inventory().get(Kind.SERVICE)).isEmpty();
    assertThat(filter.inventory().get(Kind.ENDPOINT_SLICE)).isEmpty();
  }

  @Test
  void aDeleteIsSentOnlyForWhatTheSinkHoldsAsLive() {
    K8sObject other = clusterIp("other");
    filter.upsert(other);
    filter.delete(other);
    K8sObject web = nlb("web", "one");
    filter.upsert(web);
    filter.delete(web);
    assertThat(sink.deletes())
        .containsExactly(
            new RecordingSink.Delete(
                new ObjectKey(Kind.SERVICE, "shop", "web"), web.metadata().resourceVersion()));
  }

  @Test
  void anIngressBeingDeletedStaysLiveUntilItsDeleteIsSent() {
    filter.upsert(albClass());
    filter.upsert(ingress("ing", "alb", "backend"));
    ObjectNode raw = Objects.ingress("shop", "ing", "alb", "backend");
    raw.with("metadata").put("deletionTimestamp", "2026-01-02T00:00:00Z");
    K8sObject deleting = object("networking.k8s.io/v1", "Ingress", raw);
    filter.upsert(deleting);
    filter.delete(deleting);
    assertThat(sink.upsertsOf("ing")).hasSize(2).last().isEqualTo(deleting);
    assertThat(sink.deletes())
        .extracting(RecordingSink.Delete::key)
        .containsExactly(new ObjectKey(Kind.INGRESS, "shop", "ing"));
  }
}
