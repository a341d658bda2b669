package dev.lbr.translate.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.ObjectMeta;
import dev.lbr.model.Target;
import dev.lbr.translate.service.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointResolverTest {
  private static final K8sService.Port HTTP = new K8sService.Port("http", "TCP", 80, "8080", null);

  private static K8sEndpointSlice.Port slicePort(String name, int port) {
    return new K8sEndpointSlice.Port(name, port, "TCP");
  }

  private static List<Target> targets(K8sService.Port port, K8sEndpointSlice... slices) {
    return List.copyOf(
        new EndpointResolver(Fixtures.service().build(), List.of(slices)).targets(port, "ipv4"));
  }

  @Test
  void onlyReadyAndNotTerminatingPodEndpointsAreTargets() {
    var noTargetRef =
        new K8sEndpointSlice.Endpoint(
            List.of("10.0.9.9"),
            new K8sEndpointSlice.Conditions(true, true, false),
            null,
            null,
            null);
    var slice =
        Fixtures.slice(
            "IPv4",
            List.of(slicePort("http", 8080)),
            Fixtures.endpoint("10.0.1.1", true, false),
            Fixtures.endpoint("10.0.1.2", null, null),
            Fixtures.endpoint("10.0.1.3", false, false),
            Fixtures.endpoint("10.0.1.4", false, true),
            Fixtures.endpoint("10.0.1.5", true, true),
            noTargetRef);
    assertThat(targets(HTTP, slice))
        .containsExactly(new Target("10.0.1.1", 8080), new Target("10.0.1.2", 8080));
  }

  @Test
  void aNumericTargetPortIsServedBySlicePortsOfThatNumberAndProtocol() {
    var slice =
        Fixtures.slice(
            "IPv4",
            List.of(
                slicePort("other", 9090),
                slicePort("", 8080),
                new K8sEndpointSlice.Port("http", 8080, "UDP")),
            Fixtures.endpoint("10.0.1.1", true, false));
    assertThat(targets(HTTP, slice)).containsExactly(new Target("10.0.1.1", 8080));
  }

  @Test
  void aNamedTargetPortIsServedByTheSlicePortNamedLikeTheServicePort() {
    var named = new K8sService.Port("http", "TCP", 80, "web", null);
    var slice =
        Fixtures.slice(
            "IPv4",
            List.of(slicePort("metrics", 9100), slicePort("http", 3000)),
            Fixtures.endpoint("10.0.1.1", true, false));
    assertThat(targets(named, slice)).containsExactly(new Target("10.0.1.1", 3000));
  }

  @Test
  void slicesOfOtherServicesNamespacesAndAddressFamiliesAreIgnored() {
    var otherService =
        new K8sEndpointSlice(
            new ObjectMeta(
                Fixtures.NS,
                "other-abc",
                null,
                "1",
                Map.of(K8sEndpointSlice.SERVICE_NAME_LABEL, "other"),
                null,
                null,
                null),
            "IPv4",
            List.of(slicePort("", 8080)),
            List.of(Fixtures.endpoint("10.0.7.7", true, false)));
    var otherNamespace =
        new K8sEndpointSlice(
            new ObjectMeta(
                "prod",
                "echo-abc",
                null,
                "1",
                Map.of(K8sEndpointSlice.SERVICE_NAME_LABEL, Fixtures.NAME),
                null,
                null,
                null),
            "IPv4",
            List.of(slicePort("", 8080)),
            List.of(Fixtures.endpoint("10.0.8.8", true, false)));
    var ipv6 =
        Fixtures.slice(
            "IPv6", List.of(slicePort("", 8080)), Fixtures.endpoint("fd00::1", true, false));
    assertThat(targets(HTTP, otherService, otherNamespace, ipv6)).isEmpty();
  }

  @Test
  void targetsFromSeveralSlicesAreMergedAndSorted() {
    var a =
        Fixtures.slice(
            "IPv4", List.of(slicePort("", 8080)), Fixtures.endpoint("10.0.2.2", true, false));
    var b =
        Fixtures.slice(
            "IPv4",
            List.of(slicePort("", 8080)),
            Fixtures.endpoint("10.0.1.1", true, false),
            Fixtures.endpoint("10.0.2.2", true, false));
    assertThat(targets(HTTP, a, b))
        .containsExactly(new Target("10.0.1.1", 8080), new Target("10.0.2.2", 8080));
  }
}
