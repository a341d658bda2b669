package dev.lbr.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.k8s.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ScenarioTexts}: made-up instance ids, providerIDs and variables, and Node checks. */
class ScenarioTextsTest {
  private static final String STEP =
      """
      apiVersion: v1
      kind: Node
      metadata:
        name: node-a
      spec:
        providerID: aws:///us-east-1a/i-0aaaaaaaaaaaa0901
      status:
        addresses:
        - type: InternalIP
          address: 192.168.200.11
      ---
      apiVersion: v1
      kind: Node
      metadata:
        name: node-b.internal
      spec:
        providerID: aws:///us-east-1c/i-0bbbbbbbbbbbb0902
      status:
        addresses:
        - type: InternalIP
          address: 192.168.201.99
      """;

  private static PreparedNetwork network() throws Exception {
    return new PreparedNetwork(
        NetworkSpec.parse(
            Json.mapper()
                .readTree(
                    """
                    {"securityGroups": {"node-sg": {}},
                     "nodes": {"node-a": {"privateIp": "192.168.200.11"},
                               "node-b.internal": {"privateIp": "192.168.201.11"}}}
                    """)),
        Map.of("node-sg", "sg-123"),
        Map.of("node-a", "i-real-a", "node-b.internal", "i-real-b"),
        Map.of("node-a", "us-east-1a", "node-b.internal", "us-east-1b"),
        List.of());
  }

  @Test
  void madeUpInstanceIdsBecomeTheInstancesMadeForTheirNodesEverywhere() throws Exception {
    ScenarioTexts texts = ScenarioTexts.of(network(), Map.of(), List.of(STEP));

    String step = texts.rewrite(STEP);
    String expected = texts.rewrite("{\"targets\": [{\"id\": \"i-0bbbbbbbbbbbb0902\"}]}");

    assertThat(step)
        .contains("providerID: aws:///us-east-1a/i-real-a")
        .as("the providerID names the zone of the instance's subnet")
        .contains("providerID: aws:///us-east-1b/i-real-b")
        .doesNotContain("i-0aaaaaaaaaaaa0901");
    assertThat(expected).isEqualTo("{\"targets\": [{\"id\": \"i-real-b\"}]}");
  }

  @Test
  void variablesExpandWithNonWordCharactersAsUnderscores() throws Exception {
    ScenarioTexts texts = ScenarioTexts.of(network(), Map.of("CERT_ARN", "arn:cert"), List.of());

    assertThat(texts.rewrite("${SG_node_sg} ${INSTANCE_node_b_internal} ${CERT_ARN} ${OTHER}"))
        .isEqualTo("sg-123 i-real-b arn:cert ${OTHER}");
  }

  @Test
  void diffLinesShowTheMadeUpIdsAgain() throws Exception {
    ScenarioTexts texts = ScenarioTexts.of(network(), Map.of(), List.of(STEP));

    assertThat(texts.restore("targets: expected [i-real-a:80] but found []"))
        .isEqualTo("targets: expected [i-0aaaaaaaaaaaa0901:80] but found []");
  }

  @Test
  void aNodeWhoseInternalIpIsNotItsPrivateIpOrWithoutAnInstanceIsANetworkDifference()
      throws Exception {
    String stray =
        """
        kind: Node
        metadata:
          name: node-z
        spec:
          providerID: aws:///us-east-1a/i-0zzzzzzzzzzzz0909
        """;

    ScenarioTexts texts = ScenarioTexts.of(network(), Map.of(), List.of(STEP, stray));

    assertThat(texts.problems())
        .containsExactly(
            "network: node node-b.internal's InternalIP 192.168.201.99 is not its network.json"
                + " privateIp 192.168.201.11",
            "network: node node-z of the steps has no instance in network.json");
  }
}
