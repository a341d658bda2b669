package dev.lbr.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.manifest.Manifests;
import dev.lbr.model.StackId;
import dev.lbr.model.StackKind;
import dev.lbr.state.BackendIndex;
import dev.lbr.state.DynamoBackendIndex;
import dev.lbr.state.DynamoSnapshotStore;
import dev.lbr.state.SnapshotStore;
import dev.lbr.testing.DynamoDbLocal;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Which stacks an event wakes up: Service and Ingress stacks alike, group moves, and the backend
 * index that lets an EndpointSlice find its groups without reading every Ingress.
 */
class AffectedStacksTest {
  private final String table = DynamoDbLocal.freshTable();
  private final DynamoSnapshotStore store =
      new DynamoSnapshotStore(DynamoDbLocal.client(), table, "prod");
  private final BackendIndex backends =
      new DynamoBackendIndex(DynamoDbLocal.client(), table, "prod");
  private final AtomicInteger ingressReads = new AtomicInteger();

  /** One batch's view, as the event processor makes it; Ingress Queries are counted. */
  private AffectedStacks batch() {
    return new AffectedStacks(countingIngressReads(store), backends);
  }

  /** Stores the object and tells the batch, as the event processor does for an upsert. */
  private java.util.List<StackId> upsert(AffectedStacks batch, K8sObject before, K8sObject after) {
    store.upsert(after);
    return batch.of(after.key(), before, after);
  }

  private static final String CLASS =
      """
      apiVersion: networking.k8s.io/v1
      kind: IngressClass
      metadata: {name: alb, resourceVersion: "1"}
      spec: {controller: ingress.k8s.aws/alb}
      """;

  private static String ingress(String name, String rv, String group, String service) {
    return """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          namespace: shop
          name: %s
          resourceVersion: "%s"
          annotations: {alb.ingress.kubernetes.io/group.name: %s}
        spec:
          ingressClassName: alb
          rules:
          - http:
              paths:
              - {path: /, pathType: Prefix, backend: {service: {name: %s, port: {number: 80}}}}
        """
        .formatted(name, rv, group, service);
  }

  private static final String SLICE =
      """
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        namespace: shop
        name: web-abcde
        resourceVersion: "9"
        labels: {kubernetes.io/service-name: web}
      addressType: IPv4
      endpoints: []
      """;

  private static K8sObject parse(String yaml) {
    return Manifests.parse(yaml, Path.of("test.yaml")).get(0);
  }

  private static StackId group(String name) {
    return new StackId(StackKind.INGRESS, name);
  }

  @Test
  void anEndpointSliceWakesItsServiceStackAndEveryGroupRoutingToTheService() {
    store.upsert(parse(CLASS));
    store.upsert(parse(ingress("front", "2", "public", "web")));
    store.upsert(parse(ingress("admin", "3", "internal", "admin")));
    K8sObject slice = parse(SLICE);
    store.upsert(slice);

    assertThat(batch().of(slice.key(), null, slice))
        .containsExactlyInAnyOrder(StackId.service("shop", "web"), group("public"));
  }

  @Test
  void aGatedPodWakesTheServicesSelectingItAndTheirGroupsButNotOthers() {
    store.upsert(parse(CLASS));
    store.upsert(parse(ingress("front", "2", "public", "web")));
    store.upsert(parse(service("web", "{app: web}")));
    store.upsert(parse(service("admin", "{app: admin}")));
    store.upsert(parse(service("headless", "{}")));
    K8sObject pod =
        parse(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              namespace: shop
              name: web-1
              resourceVersion: "20"
              labels: {app: web, tier: front}
            spec:
              readinessGates: [{conditionType: target-health.elbv2.k8s.aws/k8s-shop-web-0123456789}]
            """);
    store.upsert(pod);

    assertThat(batch().of(pod.key(), null, pod))
        .containsExactlyInAnyOrder(StackId.service("shop", "web"), group("public"));
  }

  private static String service(String name, String selector) {
    return """
        apiVersion: v1
        kind: Service
        metadata: {namespace: shop, name: %s, resourceVersion: "5"}
        spec: {type: ClusterIP, selector: %s, ports: [{port: 80, targetPort: 8080}]}
        """
        .formatted(name, selector);
  }

  @Test
  void anIngressMovingToAnotherGroupWakesBothGroups() {
    store.upsert(parse(CLASS));
    K8sObject before = parse(ingress("front", "2", "blue", "web"));
    store.upsert(before);
    K8sObject after = parse(ingress("front", "3", "green", "web"));
    store.upsert(after);

    assertThat(batch().of(after.key(), before, after))
        .containsExactlyInAnyOrder(group("blue"), group("green"));
  }

  @Test
  void deletingTheIngressClassWakesTheGroupsThatUsedIt() {
    K8sObject cls = parse(CLASS);
    store.upsert(cls);
    store.upsert(parse(ingress("front", "2", "public", "web")));
    store.delete(cls.key(), "5");

    assertThat(batch().of(new ObjectKey(Kind.INGRESS_CLASS, "", "alb"), cls, cls))
        .containsExactly(group("public"));
  }

  @Test
  void anIngressOfAnotherControllerWakesNothing() {
    K8sObject other =
        parse(
            ingress("front", "2", "public", "web")
                .replace("ingressClassName: alb", "ingressClassName: nginx"));
    store.upsert(parse(CLASS));
    store.upsert(other);

    assertThat(batch().of(other.key(), null, other)).isEmpty();
  }

  @Test
  void aSliceFindsItsGroupsInTheBackendIndexWithoutReadingAnyIngress() {
    AffectedStacks first = batch();
    upsert(first, null, parse(CLASS));
    upsert(first, null, parse(ingress("front", "2", "public", "web")));
    upsert(first, null, parse(ingress("admin", "3", "internal", "admin")));
    K8sObject slice = parse(SLICE);
    store.upsert(slice);
    ingressReads.set(0);

    assertThat(batch().of(slice.key(), null, slice))
        .containsExactlyInAnyOrder(StackId.service("shop", "web"), group("public"));
    assertThat(ingressReads).as("Ingress Queries for an EndpointSlice batch").hasValue(0);
  }

  @Test
  void anIngressThatNoLongerRoutesToTheServiceIsNotWokenByItsSlices() {
    K8sObject before = parse(ingress("front", "2", "public", "web"));
    AffectedStacks first = batch();
    upsert(first, null, parse(CLASS));
    upsert(first, null, before);
    upsert(batch(), before, parse(ingress("front", "3", "public", "api")));
    K8sObject slice = parse(SLICE);
    store.upsert(slice);

    assertThat(batch().of(slice.key(), null, slice))
        .containsExactly(StackId.service("shop", "web"));
  }

  @Test
  void aDeletedIngressIsNotWokenByItsSlices() {
    K8sObject front = parse(ingress("front", "2", "public", "web"));
    AffectedStacks first = batch();
    upsert(first, null, parse(CLASS));
    upsert(first, null, front);
    store.delete(front.key(), "3");
    assertThat(batch().ofDeleted(front.key(), front, front)).containsExactly(group("public"));
    K8sObject slice = parse(SLICE);
    store.upsert(slice);

    assertThat(batch().of(slice.key(), null, slice))
        .containsExactly(StackId.service("shop", "web"));
  }

  @Test
  void anIngressClassChangeRegroupsWhatTheIndexAnswers() {
    K8sObject cls = parse(CLASS);
    AffectedStacks first = batch();
    upsert(first, null, cls);
    upsert(first, null, parse(ingress("front", "2", "public", "web")));
    store.delete(cls.key(), "5");
    batch().ofDeleted(cls.key(), cls, cls);
    K8sObject slice = parse(SLICE);
    store.upsert(slice);

    assertThat(batch().of(slice.key(), null, slice))
        .as("without its class the Ingress is not ours: no group")
        .containsExactly(StackId.service("shop", "web"));
  }

  @Test
  void ingressesStoredBeforeTheIndexExistedAreIndexedOnTheFirstLookup() {
    store.upsert(parse(CLASS));
    store.upsert(parse(ingress("front", "2", "public", "web")));
    K8sObject slice = parse(SLICE);
    store.upsert(slice);

    assertThat(batch().of(slice.key(), null, slice))
        .containsExactlyInAnyOrder(StackId.service("shop", "web"), group("public"));
    ingressReads.set(0);
    assertThat(batch().of(slice.key(), null, slice))
        .containsExactlyInAnyOrder(StackId.service("shop", "web"), group("public"));
    assertThat(ingressReads).as("the second batch reads the index only").hasValue(0);
  }

  private static String binding(String name, String rv, String service, String labels) {
    return """
        apiVersion: elbv2.k8s.aws/v1beta1
        kind: TargetGroupBinding
        metadata: {namespace: shop, name: %s, resourceVersion: "%s", labels: {%s}}
        spec:
          targetGroupName: byo
          serviceRef: {name: %s, port: 80}
        """
        .formatted(name, rv, labels, service);
  }

  @Test
  void aUsersBindingIsWokenByItsServicesSlicesThroughTheIndex() {
    K8sObject tgb = parse(binding("byo", "2", "web", ""));
    assertThat(upsert(batch(), null, tgb)).containsExactly(StackId.binding("shop", "byo"));
    K8sObject slice = parse(SLICE);
    store.upsert(slice);
    ingressReads.set(0);

    assertThat(batch().of(slice.key(), null, slice))
        .containsExactlyInAnyOrder(StackId.service("shop", "web"), StackId.binding("shop", "byo"));
    assertThat(ingressReads).hasValue(0);
  }

  @Test
  void aBindingThatMovesToAnotherServiceOrIsDeletedIsNoLongerWokenByTheOldOnesSlices() {
    K8sObject before = parse(binding("byo", "2", "web", ""));
    upsert(batch(), null, before);
    K8sObject after = parse(binding("byo", "3", "api", ""));
    upsert(batch(), before, after);
    K8sObject slice = parse(SLICE);
    store.upsert(slice);
    assertThat(batch().of(slice.key(), null, slice))
        .containsExactly(StackId.service("shop", "web"));

    K8sObject back = parse(binding("byo", "4", "web", ""));
    upsert(batch(), after, back);
    store.delete(back.key(), "5");
    assertThat(batch().ofDeleted(back.key(), back, back))
        .containsExactly(StackId.binding("shop", "byo"));
    assertThat(batch().of(slice.key(), null, slice))
        .containsExactly(StackId.service("shop", "web"));
  }

  @Test
  void aBindingLbrWroteIsNotAStackOfItsOwnButANodeWakesUsersBindings() {
    K8sObject lbrs =
        parse(binding("k8s-shop-web-0123", "2", "web", "app.kubernetes.io/managed-by: lbr"));
    upsert(batch(), null, lbrs);
    upsert(batch(), null, parse(binding("byo", "3", "web", "")));
    K8sObject slice = parse(SLICE);
    store.upsert(slice);
    assertThat(batch().of(slice.key(), null, slice))
        .containsExactlyInAnyOrder(StackId.service("shop", "web"), StackId.binding("shop", "byo"));

    K8sObject node =
        parse("apiVersion: v1\nkind: Node\nmetadata: {name: n1, resourceVersion: \"7\"}\n");
    assertThat(upsert(batch(), null, node)).containsExactly(StackId.binding("shop", "byo"));
  }

  private SnapshotStore countingIngressReads(SnapshotStore delegate) {
    return (SnapshotStore)
        Proxy.newProxyInstance(
            SnapshotStore.class.getClassLoader(),
            new Class<?>[] {SnapshotStore.class},
            (proxy, method, args) -> {
              if (method.getName().equals("liveObjects") && args[0] == Kind.INGRESS) {
                ingressReads.incrementAndGet();
              }
              try {
                return method.invoke(delegate, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
