package dev.lbr.translate.service;

import static dev.lbr.translate.service.ServiceAnnotation.ENABLE_TCP_UDP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.k8s.K8sService;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.Target;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code aws-load-balancer-enable-tcp-udp-listener} beyond the golden case: the TCP_UDP target
 * group is built from the first of the two ports in the Service's order (LBC's {@code
 * servicePorts[0]}), and the targets-only path agrees with the full build.
 */
class TcpUdpListenerTest {

  @Test
  void theFirstPortInTheServicesOrderGivesTheTargetGroupItsPort() {
    DesiredStack stack = build(dns("UDP", "5354", "TCP", "5353"));

    assertThat(stack.listeners())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.port()).isEqualTo(53);
              assertThat(l.protocol()).isEqualTo("TCP_UDP");
            });
    assertThat(stack.targetGroups())
        .singleElement()
        .satisfies(
            tg -> {
              assertThat(tg.protocol()).isEqualTo("TCP_UDP");
              assertThat(tg.port()).isEqualTo(5354);
            });
    assertThat(stack.targets().get("default/echo:53"))
        .containsExactly(new Target("10.0.1.10", 5354));
  }

  @Test
  void theTargetsOnlyPathGivesTheSameTargetsAsTheFullBuild() {
    for (K8sService svc :
        List.of(dns("TCP", "5353", "UDP", "5354"), dns("UDP", "5354", "TCP", "5353"))) {
      assertThat(
              ServiceModelBuilder.targets(
                  svc, ServiceModelBuilderGoldenTest.tcpUdpSlice(), List.of()))
          .isEqualTo(build(svc).targets());
    }
  }

  @Test
  void otherPortsKeepTheirOwnListeners() {
    K8sService svc =
        Fixtures.service()
            .port("dns-tcp", "TCP", 53, "5353")
            .port("dns-udp", "UDP", 53, "5354")
            .annotation(ENABLE_TCP_UDP, "true")
            .build();

    DesiredStack stack = build(svc);

    assertThat(stack.listeners())
        .extracting(l -> l.port() + "/" + l.protocol())
        .containsExactlyInAnyOrder("80/TCP", "53/TCP_UDP");
    assertThat(stack.targetGroups()).hasSize(2);
    assertThat(Set.copyOf(stack.targets().keySet()))
        .containsExactlyInAnyOrder("default/echo:80", "default/echo:53");
  }

  private static K8sService dns(
      String firstProtocol, String firstTarget, String secondProtocol, String secondTarget) {
    return Fixtures.service()
        .clearPorts()
        .port("dns-" + firstProtocol.toLowerCase(), firstProtocol, 53, firstTarget)
        .port("dns-" + secondProtocol.toLowerCase(), secondProtocol, 53, secondTarget)
        .annotation(ENABLE_TCP_UDP, "true")
        .build();
  }

  private static DesiredStack build(K8sService svc) {
    return ServiceModelBuilder.build(
        svc, ServiceModelBuilderGoldenTest.tcpUdpSlice(), List.of(), Fixtures.facts());
  }
}
