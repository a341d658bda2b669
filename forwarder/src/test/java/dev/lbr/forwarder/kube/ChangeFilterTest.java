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

  private K8sObject binding(String ns, String name, String service, boolean lbrWritten) {
    return object(
        "elbv2.k8s.aws/v1beta1",
        "TargetGroupBinding",
        Objects.binding(ns, name, service, lbrWritten));
  }

  private static java.util.List<String> keys(java.util.List<K8sObject> objects) {
    return objects.stream().map(o -> o.key().toString()).toList();
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

  @Test
  void aUsersBindingIsSentAndBringsItsServiceAndSlicesUntilItIsDeleted() {
    filter.upsert(clusterIp("backend"));
    filter.upsert(slice("backend-1", "backend"));
    assertThat(sink.upserts()).as("a plain ClusterIP Service is not ours").isEmpty();

    K8sObject binding = binding("shop", "byo", "backend", false);
    filter.upsert(binding);
    assertThat(keys(sink.upserts()))
        .containsExactly(
            "TargetGroupBinding shop/byo", "Service shop/backend", "EndpointSlice shop/backend-1");
    filter.upsert(slice("backend-2", "backend"));
    assertThat(filter.inventory().get(Kind.ENDPOINT_SLICE)).hasSize(2);
    assertThat(filter.inventory().get(Kind.TARGET_GROUP_BINDING)).containsExactly(binding.key());

    filter.delete(binding);
    assertThat(sink.deletes()).extracting(RecordingSink.Delete::key).containsExactly(binding.key());
    assertThat(filter.inventory().get(Kind.TARGET_GROUP_BINDING)).isEmpty();
    assertThat(filter.inventory().get(Kind.SERVICE)).isEmpty();
    assertThat(filter.inventory().get(Kind.ENDPOINT_SLICE)).isEmpty();

    int before = sink.upserts().size();
    filter.upsert(slice("backend-3", "backend"));
    assertThat(sink.upserts()).as("slices of an unreferenced Service").hasSize(before);
  }

  @Test
  void aBindingLbrWroteIsNeverSentNorBringsItsService() {
    filter.upsert(clusterIp("backend"));
    filter.upsert(slice("backend-1", "backend"));
    K8sObject ours = binding("shop", "k8s-shop-backend", "backend", true);
    filter.upsert(ours);
    filter.delete(ours);

    assertThat(sink.upserts()).isEmpty();
    assertThat(sink.deletes()).isEmpty();
    assertThat(filter.inventory().get(Kind.TARGET_GROUP_BINDING)).isEmpty();
    assertThat(filter.inventory().get(Kind.SERVICE)).isEmpty();
  }

  @Test
  void aBindingRelabelledAsLbrsIsSentOnceMoreThenDroppedWithItsService() {
    filter.upsert(clusterIp("backend"));
    filter.upsert(binding("shop", "byo", "backend", false));
    K8sObject relabelled = binding("shop", "byo", "backend", true);
    filter.upsert(relabelled);

    assertThat(sink.upserts()).last().isEqualTo(relabelled);
    assertThat(filter.inventory().get(Kind.TARGET_GROUP_BINDING)).isEmpty();
    assertThat(filter.inventory().get(Kind.SERVICE)).isEmpty();
  }

  @Test
  void aBindingPullsOnlyTheServiceOfItsOwnNamespace() {
    filter.upsert(clusterIp("backend")); // in shop
    filter.upsert(slice("backend-1", "backend"));
    filter.upsert(binding("blog", "byo", "backend", false));

    assertThat(keys(sink.upserts())).containsExactly("TargetGroupBinding blog/byo");
    assertThat(filter.inventory().get(Kind.SERVICE)).isEmpty();
  }

  @Test
  void aServiceReferencedByAnIngressAndABindingStaysUntilBothLetGo() {
    filter.upsert(albClass());
    filter.upsert(clusterIp("backend"));
    filter.upsert(slice("backend-1", "backend"));
    filter.upsert(ingress("ing", "alb", "backend"));
    K8sObject binding = binding("shop", "byo", "backend", false);
    filter.upsert(binding);
    ObjectKey service = new ObjectKey(Kind.SERVICE, "shop", "backend");

    filter.delete(binding);
    assertThat(filter.inventory().get(Kind.SERVICE)).containsExactly(service);
    filter.upsert(binding("shop", "byo", "backend", false));
    filter.upsert(ingress("ing", "alb", "elsewhere"));
    assertThat(filter.inventory().get(Kind.SERVICE)).containsExactly(service);

    filter.upsert(binding("shop", "byo", "elsewhere", false));
    assertThat(filter.inventory().get(Kind.SERVICE)).isEmpty();
    assertThat(filter.inventory().get(Kind.ENDPOINT_SLICE)).isEmpty();
  }
}
