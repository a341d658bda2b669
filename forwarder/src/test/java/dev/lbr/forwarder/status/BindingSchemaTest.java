package dev.lbr.forwarder.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lbr.event.StackResult.Binding;
import dev.lbr.event.StackResult.IngressRule;
import dev.lbr.event.StackResult.Networking;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every field lbr writes into a TargetGroupBinding is one the shipped CRD's schema declares. */
class BindingSchemaTest {

  @Test
  void everyFieldOfADesiredBindingIsInTheCrdSchema() throws Exception {
    JsonNode crd =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("deploy", "05-targetgroupbindings-crd.yaml").toFile());
    JsonNode schema =
        crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema");
    Networking networking =
        new Networking(
            List.of(
                new IngressRule(
                    List.of(
                        Map.of("securityGroup", Map.of("groupID", "sg-1")),
                        Map.of("ipBlock", Map.of("cidr", "10.0.0.0/16"))),
                    List.of(Map.of("protocol", "TCP", "port", 8080)))));
    Binding b =
        new Binding(
            "k8s-shop-web-1",
            "shop",
            "arn:tg",
            "web",
            "http",
            "ip",
            "ipv4",
            "TCP",
            "vpc-1",
            networking);
    JsonNode desired = TargetGroupBindings.desired(StackRef.parse("service/shop/web"), b);

    List<String> undeclared = new ArrayList<>();
    check(desired.path("spec"), schema.path("properties").path("spec"), "spec", undeclared);
    assertThat(undeclared).isEmpty();
    assertThat(desired.path("spec").path("serviceRef").path("port").asText()).isEqualTo("http");
  }

  private static void check(JsonNode value, JsonNode schema, String at, List<String> out) {
    if (value.isObject()) {
      value
          .fields()
          .forEachRemaining(
              e -> {
                JsonNode field = schema.path("properties").path(e.getKey());
                if (field.isMissingNode()) {
                  out.add(at + "." + e.getKey());
                } else {
                  check(e.getValue(), field, at + "." + e.getKey(), out);
                }
              });
    } else if (value.isArray()) {
      value.forEach(item -> check(item, schema.path("items"), at + "[]", out));
    }
  }
}
