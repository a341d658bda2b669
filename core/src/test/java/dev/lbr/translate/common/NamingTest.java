package dev.lbr.translate.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected names are copied from LBC's {@code pkg/service/model_builder_test.go}. */
class NamingTest {
  private static final String TLS_SVC_UID = "bdca2bd0-bfc6-449a-88a3-03451f05f18c";
  private static final String MULTI_SVC_UID = "7ab4be33-11c2-4a7b-b655-7add8affab36";

  @Test
  void loadBalancerNameHashesClusterUidAndScheme() {
    assertThat(
            Naming.loadBalancerName(
                "my-cluster", "default", "nlb-ip-svc-tls", TLS_SVC_UID, "internal"))
        .isEqualTo("k8s-default-nlbipsvc-6b0ba8ff70");
    assertThat(
            Naming.loadBalancerName(
                "my-cluster", "default", "nlb-ip-svc-tls", MULTI_SVC_UID, "internet-facing"))
        .isEqualTo("k8s-default-nlbipsvc-33e41aa671");
    assertThat(
            Naming.loadBalancerName(
                "my-cluster", "default", "nlb-ip-svc", MULTI_SVC_UID, "internal"))
        .isEqualTo("k8s-default-nlbipsvc-518cdfc227");
  }

  @Test
  void targetGroupNameHashesPortsProtocolsAndHealthCheck() {
    assertThat(
            Naming.targetGroupName(
                "my-cluster",
                "default",
                "nlb-ip-svc-tls",
                TLS_SVC_UID,
                80,
                80,
                "ip",
                "TCP",
                "TCP",
                10))
        .isEqualTo("k8s-default-nlbipsvc-d4818dcd51");
    assertThat(
            Naming.targetGroupName(
                "my-cluster",
                "default",
                "nlb-ip-svc",
                MULTI_SVC_UID,
                80,
                80,
                "ip",
                "TCP",
                "HTTP",
                10))
        .isEqualTo("k8s-default-nlbipsvc-62f81639fc");
    assertThat(
            Naming.targetGroupName(
                "my-cluster",
                "default",
                "nlb-ip-svc",
                MULTI_SVC_UID,
                80,
                83,
                "ip",
                "TCP",
                "HTTP",
                10))
        .isEqualTo("k8s-default-nlbipsvc-3ede6b28b6");
    assertThat(
            Naming.targetGroupName(
                "my-cluster",
                "default",
                "nlb-ip-svc-tls",
                MULTI_SVC_UID,
                8883,
                83,
                "ip",
                "TCP",
                "HTTP",
                10))
        .isEqualTo("k8s-default-nlbipsvc-77ea0c7734");
  }

  @Test
  void sanitizingDropsEveryNonAlphanumericCharacterBeforeTruncating() {
    assertThat(Naming.format("kube-system", "my.svc_name-long", "0123456789abcdef"))
        .isEqualTo("k8s-kubesyst-mysvcnam-0123456789");
  }
}
