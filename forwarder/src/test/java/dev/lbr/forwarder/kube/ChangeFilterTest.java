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
  void aWriteToWhatTheProjectionLeavesOutIsNotSentButTheNextRealChangeIs() {
    K8sObject first = nlb("web", "one");
    // the same Service after a status or finalizer write: only its resourceVersion moved
    K8sObject statusWritten =
        first.withMetadata(first.metadata().withResourceVersion(Long.toString(++rv)));
    K8sObject changed = nlb("web", "two");

    filter.upsert(first);
    filter.upsert(statusWritten);
    filter.upsert(changed);

    assertThat(sink.upserts()).containsExactly(first, changed);
    assertThat(filter.inventory().get(Kind.SERVICE)).containsExactly(first.key());
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

  private K8sObject deleting(K8sObject object, ObjectNode raw) {
    return object(
        Projection.apiVersion(object.kind()), object.kind().wireName(), Objects.beingDeleted(raw));
  }

  @Test
  void aServiceBeingDeletedIsSentAsADeleteWithItsStateAndLeavesTheInventory() {
    K8sObject web = nlb("web", "one");
    filter.upsert(web);
    K8sObject deleting = deleting(web, Objects.nlbService("shop", "web", "one"));
    filter.upsert(deleting);
    filter.upsert(deleting(web, Objects.nlbService("shop", "web", "one"))); // a finalizer goes

    ObjectKey key = new ObjectKey(Kind.SERVICE, "shop", "web");
    assertThat(sink.upserts()).containsExactly(web);
    assertThat(sink.deletes())
        .containsExactly(new RecordingSink.Delete(key, deleting.metadata().resourceVersion()));
    assertThat(sink.deletedStates).containsExactly(deleting);
    assertThat(filter.inventory().get(Kind.SERVICE)).isEmpty();

    K8sObject gone = nlb("web", "one");
    filter.delete(gone);
    assertThat(sink.deletes())
        .as("the final delete is sent again")
        .containsExactly(
            new RecordingSink.Delete(key, deleting.metadata().resourceVersion()),
            new RecordingSink.Delete(key, gone.metadata().resourceVersion()));
  }

  @Test
  void anObjectFirstSeenBeingDeletedIsSentAsADeleteOnlyIfItWouldBeWanted() {
    K8sObject ours = deleting(nlb("web", "one"), Objects.nlbService("shop", "web", "one"));
    K8sObject notOurs = deleting(clusterIp("other"), Objects.clusterIpService("shop", "other"));
    filter.upsert(ours);
    filter.upsert(notOurs);
    assertThat(sink.upserts()).isEmpty();
    assertThat(sink.deletes())
        .extracting(RecordingSink.Delete::key)
        .containsExactly(new ObjectKey(Kind.SERVICE, "shop", "web"));
    assertThat(filter.inventory().get(Kind.SERVICE)).isEmpty();
  }

  @Test
  void anIngressBeingDeletedIsSentAsADeleteAndItsBackendLeavesTheInventory() {
    filter.upsert(albClass());
    filter.upsert(clusterIp("backend"));
    filter.upsert(slice("backend-1", "backend"));
    filter.upsert(ingress("ing", "alb", "backend"));
    assertThat(filter.inventory().get(Kind.SERVICE)).hasSize(1);

    ObjectNode raw = Objects.ingress("shop", "ing", "alb", "backend");
    filter.upsert(object("networking.k8s.io/v1", "Ingress", Objects.beingDeleted(raw)));
    assertThat(sink.deletes())
        .extracting(RecordingSink.Delete::key)
        .containsExactly(new ObjectKey(Kind.INGRESS, "shop", "ing"));
    assertThat(filter.inventory().get(Kind.INGRESS)).isEmpty();
    assertThat(filter.inventory().get(Kind.SERVICE)).isEmpty();
    assertThat(filter.inventory().get(Kind.ENDPOINT_SLICE)).isEmpty();
  }
}
