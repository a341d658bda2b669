package dev.lbr.translate.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.lbr.k8s.Json;
import dev.lbr.model.Action;
import dev.lbr.model.DesiredStack;
import java.io.IOException;
import java.util.Optional;

/**
 * The golden-test form of a {@link DesiredStack}: the project mapper, plus what the model records
 * leave to their users (Optional unwrapped, actions carry their type, nulls dropped),
 * pretty-printed with sorted map keys. {@link #normalized} keys target groups by resource id and
 * listeners by port, as LBC's stack JSON keys resources by id, so a patch names what it changes.
 * The networking part is left out: {@code ServiceSecurityGroupsTest} and {@code NodeRulesTest}
 * cover it; so are the backends, which {@code StackResultsTest} covers.
 */
public final class StackJson {
  private static final ObjectMapper MAPPER =
      Json.mapper()
          .copy()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .addMixIn(Action.class, ActionTypes.class)
          .registerModule(new SimpleModule().addSerializer(new OptionalSerializer()));

  private StackJson() {}

  public static String string(DesiredStack stack) {
    try {
      return MAPPER.writeValueAsString(stack);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The stack as a tree, with null fields removed (an absent load balancer has no key). */
  public static JsonNode tree(DesiredStack stack) {
    try {
      return withoutNulls(MAPPER.readTree(string(stack)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #tree} with {@code targetGroups} and {@code listeners} turned into keyed objects. */
  public static JsonNode normalized(DesiredStack stack) {
    ObjectNode root = (ObjectNode) tree(stack);
    root.remove("empty");
    // the targets' networking is covered by ServiceSecurityGroupsTest and NodeRulesTest
    root.remove("networking");
    // the Service ports of the target groups (the bindings' serviceRef): StackResultsTest
    root.remove("backends");
    root.set("targetGroups", keyed(root.get("targetGroups"), "resourceId"));
    root.set("listeners", keyed(root.get("listeners"), "port"));
    return root;
  }

  private static ObjectNode keyed(JsonNode array, String key) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    array.forEach(item -> out.set(item.get(key).asText(), item));
    return out;
  }

  public static JsonNode withoutNulls(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).objectNode();
      node.fields()
          .forEachRemaining(
              f -> {
                if (!f.getValue().isNull()) {
                  copy.set(f.getKey(), withoutNulls(f.getValue()));
                }
              });
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = ((ArrayNode) node).arrayNode();
      node.forEach(n -> copy.add(withoutNulls(n)));
      return copy;
    }
    return node;
  }

  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static String pretty(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(MAPPER.treeToValue(node, Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Action.Forward.class, name = "forward"),
    @JsonSubTypes.Type(value = Action.FixedResponse.class, name = "fixed-response"),
    @JsonSubTypes.Type(value = Action.Redirect.class, name = "redirect")
  })
  private interface ActionTypes {}

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final class OptionalSerializer extends StdSerializer<Optional> {
    OptionalSerializer() {
      super(Optional.class);
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Optional value) {
      return value == null || value.isEmpty();
    }

    @Override
    public void serialize(Optional value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value.isPresent()) {
        provider.defaultSerializeValue(value.get(), gen);
      } else {
        gen.writeNull();
      }
    }
  }
}
