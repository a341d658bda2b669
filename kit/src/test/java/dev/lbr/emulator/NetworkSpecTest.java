package dev.lbr.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.k8s.Json;
import org.junit.jupiter.api.Test;

/** {@link NetworkSpec}: several scenarios' networks as one cluster's, and another cluster name. */
class NetworkSpecTest {
  private static final String ECHO =
      """
      {"subnets": [{"cidr": "192.168.0.0/19", "zone": "us-east-1a"}],
       "securityGroups": {"node-sg": {"tags": {"kubernetes.io/cluster/scen": "owned", "Name": "n"},
                                      "rules": [{"protocol": "all", "from": "node-sg"}]}},
       "enis": [{"name": "pod-1", "privateIp": "192.168.1.187", "securityGroups": ["node-sg"]},
                {"name": "pod-2", "privateIp": "192.168.3.104", "securityGroups": ["node-sg"]}]}
      """;
  private static final String GAME =
      """
      {"subnets": [{"cidr": "192.168.0.0/19", "zone": "us-east-1a"}],
       "securityGroups": {"node-sg": {"tags": {"kubernetes.io/cluster/scen": "owned", "Name": "n"},
                                      "rules": [{"protocol": "all", "from": "node-sg"}]}},
       "nodes": {"node-a": {"privateIp": "192.168.7.11", "securityGroups": ["node-sg"]}},
       "enis": [{"name": "pod-2", "privateIp": "192.168.3.104", "securityGroups": ["node-sg"]},
                {"name": "pod-3", "privateIp": "192.168.1.162", "securityGroups": ["node-sg"]}]}
      """;

  private static NetworkSpec spec(String json) throws Exception {
    return NetworkSpec.parse(Json.mapper().readTree(json));
  }

  @Test
  void theUnionHoldsEveryThingOnceInOrder() throws Exception {
    NetworkSpec both = spec(ECHO).union(spec(GAME));

    assertThat(both.subnets()).hasSize(1);
    assertThat(both.securityGroups()).containsOnlyKeys("node-sg");
    assertThat(both.nodes()).containsOnlyKeys("node-a");
    assertThat(both.enis())
        .extracting(NetworkSpec.EniSpec::privateIp)
        .containsExactly("192.168.1.187", "192.168.3.104", "192.168.1.162");
  }

  @Test
  void anAddressDefinedTwiceDifferentlyIsAnError() throws Exception {
    NetworkSpec other =
        spec(
            """
            {"enis": [{"name": "elsewhere", "privateIp": "192.168.3.104"}]}
            """);

    assertThatThrownBy(() -> spec(ECHO).union(other))
        .hasMessageContaining("192.168.3.104 is defined twice");
  }

  @Test
  void anotherClusterNameRetagsTheScenarioClustersGroups() throws Exception {
    NetworkSpec demo = spec(ECHO).withCluster("demo");

    assertThat(demo.securityGroups().get("node-sg").tags())
        .containsEntry("kubernetes.io/cluster/demo", "owned")
        .containsEntry("Name", "n")
        .doesNotContainKey("kubernetes.io/cluster/scen");
    assertThat(demo.enis()).isEqualTo(spec(ECHO).enis());
  }
}
