package dev.lbr.event;

import static dev.lbr.event.EventValidatorTest.detail;
import static dev.lbr.event.EventValidatorTest.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InventoryValidationTest {

  private final EventValidator validator = new EventValidator("demo");

  private void assertRejected(String json, String... words) {
    assertThatThrownBy(() -> validator.parse(json))
        .isInstanceOf(InvalidEventException.class)
        .message()
        .contains(words);
  }

  @Test
  void anInventoryCarriesNoKeysOfAnotherKindUnderAKind() {
    var wrong = Map.of(Kind.NODE, Set.of(new ObjectKey(Kind.SERVICE, "default", "echo")));

    assertThatThrownBy(() -> new InventoryEvent("demo", Instant.EPOCH, "1", wrong))
        .hasMessageContaining("Service default/echo listed under Node");
  }

  @Test
  void acceptsAnInventoryAndKnowsWhichKindsItCovers() {
    var keys =
        Map.of(
            Kind.SERVICE, Set.of(new ObjectKey(Kind.SERVICE, "default", "echo")),
            Kind.NODE, Set.<ObjectKey>of());
    String json = Events.inventory("demo", Instant.parse("2025-06-01T12:00:00Z"), "900", keys);

    InventoryEvent event = (InventoryEvent) validator.parse(json);

    assertThat(event.keys()).isEqualTo(keys);
    assertThat(event.covers(Kind.NODE)).isTrue();
    assertThat(event.covers(Kind.INGRESS)).isFalse();
    assertThat(event.generatedAt()).isEqualTo(Instant.parse("2025-06-01T12:00:00Z"));
  }

  private static String inventory() {
    return Events.inventory(
        "demo",
        Instant.EPOCH,
        "900",
        Map.of(Kind.SERVICE, Set.of(new ObjectKey(Kind.SERVICE, "default", "echo"))));
  }

  @Test
  void rejectsAnInventoryKeyWithoutNamespaceForANamespacedKind() {
    String json =
        edit(
            inventory(),
            root -> ((ObjectNode) detail(root).get("keys")).putArray("Service").add("echo"));

    assertRejected(json, "Inventory", "detail.keys.Service holds \"echo\"", "'namespace/name'");
  }

  @Test
  void rejectsAnInventoryOfAnUnknownKind() {
    String json =
        edit(inventory(), root -> ((ObjectNode) detail(root).get("keys")).putArray("Secret"));

    assertRejected(json, "Inventory", "unknown kind 'Secret' in detail.keys");
  }

  @Test
  void rejectsAnInventoryWhoseGeneratedAtIsNotAnInstant() {
    String json = edit(inventory(), root -> detail(root).put("generatedAt", "yesterday"));

    assertRejected(json, "Inventory", "detail.generatedAt must be an ISO-8601 instant");
  }

  @Test
  void rejectsAnInventoryWithoutKeys() {
    String json = edit(inventory(), root -> detail(root).remove("keys"));

    assertRejected(json, "Inventory", "missing required field detail.keys");
  }

  @Test
  void rejectsAnInventoryWithoutResourceVersion() {
    String json = edit(inventory(), root -> detail(root).remove("resourceVersion"));

    assertRejected(json, "Inventory", "missing required field detail.resourceVersion");
  }

  @Test
  void aKeyMissingFromTheInventoryIsDeletedOnlyIfTheListingWouldHaveShownIt() {
    var echo = new ObjectKey(Kind.SERVICE, "default", "echo");
    var gone = new ObjectKey(Kind.SERVICE, "default", "gone");
    var node = new ObjectKey(Kind.NODE, "", "node-a");
    var inventory =
        new InventoryEvent("demo", Instant.EPOCH, "900", Map.of(Kind.SERVICE, Set.of(echo)));

    assertThat(inventory.showsDeleted(gone, "899")).as("older than the listing").isTrue();
    assertThat(inventory.showsDeleted(gone, "901")).as("created after the listing").isFalse();
    assertThat(inventory.showsDeleted(echo, "100")).as("listed").isFalse();
    assertThat(inventory.showsDeleted(node, "1")).as("kind not reported").isFalse();
  }

  @Test
  void aScopedInventoryConcludesNothingAboutNamespacesItDoesNotWatch() {
    var shop = new ObjectKey(Kind.SERVICE, "shop", "web");
    var node = new ObjectKey(Kind.NODE, "", "node-a");
    String json =
        Events.inventory(
            "demo",
            Instant.EPOCH,
            "900",
            Map.of(Kind.SERVICE, Set.of(shop), Kind.NODE, Set.of(node)),
            Set.of("shop", "blog"));

    InventoryEvent event = (InventoryEvent) validator.parse(json);

    assertThat(event.namespaces()).containsExactlyInAnyOrder("shop", "blog");
    assertThat(event.showsDeleted(new ObjectKey(Kind.SERVICE, "blog", "gone"), "1"))
        .as("a watched namespace")
        .isTrue();
    assertThat(event.showsDeleted(new ObjectKey(Kind.SERVICE, "other", "api"), "1"))
        .as("a namespace the forwarder does not watch")
        .isFalse();
    assertThat(event.showsDeleted(new ObjectKey(Kind.NODE, "", "node-b"), "1"))
        .as("cluster-scoped kinds are listed whole")
        .isTrue();
  }

  @Test
  void aScopedInventoryKeepsItsNamespacedKindsOutOfTheFieldOlderReadersKnow() {
    String json =
        Events.inventory(
            "demo",
            Instant.EPOCH,
            "900",
            Map.of(
                Kind.SERVICE,
                Set.of(new ObjectKey(Kind.SERVICE, "shop", "web")),
                Kind.NODE,
                Set.<ObjectKey>of()),
            Set.of("shop"));

    var detail = detail(tree(json));

    assertThat(detail.path("keys").has("Service")).isFalse();
    assertThat(detail.path("keys").has("Node")).isTrue();
    assertThat(detail.path("namespacedKeys").path("keys").path("Service").get(0).asText())
        .isEqualTo("shop/web");
  }

  @Test
  void rejectsAScopedInventoryListingAnUnwatchedNamespace() {
    String json =
        edit(
            Events.inventory(
                "demo", Instant.EPOCH, "900", Map.of(Kind.SERVICE, Set.of()), Set.of("shop")),
            root ->
                ((ObjectNode) detail(root).path("namespacedKeys").path("keys"))
                    .putArray("Service")
                    .add("blog/x"));

    assertRejected(json, "Inventory", "Service blog/x listed", "covers only namespaces [shop]");
  }

  private static ObjectNode tree(String json) {
    try {
      return (ObjectNode) dev.lbr.k8s.Json.mapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
