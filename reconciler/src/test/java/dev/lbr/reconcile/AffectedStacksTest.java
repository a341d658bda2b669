package dev.lbr.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.manifest.Manifests;
import dev.lbr.model.StackId;
import dev.lbr.model.StackKind;
import dev.lbr.state.DynamoSnapshotStore;
import dev.lbr.testing.DynamoDbLocal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which stacks an event wakes up: Service and Ingress stacks alike, and group moves. */
class AffectedStacksTest {
  private final DynamoSnapshotStore store =
      new DynamoSnapshotStore(DynamoDbLocal.client(), DynamoDbLocal.freshTable(), "prod");

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

    assertThat(new AffectedStacks(store).of(slice.key(), null, slice))
        .containsExactlyInAnyOrder(StackId.service("shop", "web"), group("public"));
  }

  @Test
  void anIngressMovingToAnotherGroupWakesBothGroups() {
    store.upsert(parse(CLASS));
    K8sObject before = parse(ingress("front", "2", "blue", "web"));
    store.upsert(before);
    K8sObject after = parse(ingress("front", "3", "green", "web"));
    store.upsert(after);

    assertThat(new AffectedStacks(store).of(after.key(), before, after))
        .containsExactlyInAnyOrder(group("blue"), group("green"));
  }

  @Test
  void deletingTheIngressClassWakesTheGroupsThatUsedIt() {
    K8sObject cls = parse(CLASS);
    store.upsert(cls);
    store.upsert(parse(ingress("front", "2", "public", "web")));
    store.delete(cls.key(), "5");

    assertThat(new AffectedStacks(store).of(new ObjectKey(Kind.INGRESS_CLASS, "", "alb"), cls, cls))
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

    assertThat(new AffectedStacks(store).of(other.key(), null, other)).isEmpty();
  }
}
