package dev.lbr.build.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.build.StackJson;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class IngressPrintTmpTest {
  static JsonNode diff(JsonNode base, JsonNode actual) {
    if (base != null && base.isObject() && actual.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      base.fieldNames()
          .forEachRemaining(
              k -> {
                if (!actual.has(k)) out.putNull(k);
              });
      actual
          .fieldNames()
          .forEachRemaining(
              k -> {
                JsonNode d = diff(base.get(k), actual.get(k));
                if (d != null) out.set(k, d);
              });
      return out.isEmpty() ? null : out;
    }
    return actual.equals(base) ? null : actual;
  }

  @Test
  void print() throws Exception {
    StringBuilder sb = new StringBuilder();
    String cls = System.getProperty("golden", "IngressGroupGoldenTest");
    Stream<IngressGolden.Case> cases =
        (Stream<IngressGolden.Case>)
            Class.forName("dev.lbr.build.ingress." + cls).getDeclaredMethod("cases").invoke(null);
    for (IngressGolden.Case c : cases.toList()) {
      if (!c.patch().equals("TODO")) continue;
      sb.append("=== ").append(c.name()).append("\n");
      try {
        JsonNode actual = StackJson.normalized(IngressGolden.build(c));
        JsonNode d = diff(IngressGolden.base(), actual);
        sb.append(
                d == null
                    ? "{}"
                    : dev.lbr.k8s.Json.mapper()
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(d))
            .append("\n");
      } catch (Exception e) {
        sb.append("EXCEPTION ").append(e).append("\n");
      }
    }
    java.nio.file.Files.writeString(
        java.nio.file.Path.of("/tmp/golden-" + cls + ".txt"), sb.toString());
  }
}
