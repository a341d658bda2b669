package dev.lbr.translate.service;

import static dev.lbr.translate.service.ServiceAnnotation.HC_INTERVAL;
import static dev.lbr.translate.service.ServiceAnnotation.HC_PROTOCOL;
import static dev.lbr.translate.service.ServiceAnnotation.HC_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.HealthCheck;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NLB health check timeout may equal the interval but not exceed it (ELBv2's rule for TCP, UDP,
 * TLS and TCP_UDP target groups): what the builder accepts, defaults included. The refusals are in
 * {@link ServiceModelBuilderErrorTest}.
 */
class HealthCheckTimeoutTest {

  static Stream<Arguments> accepted() {
    return Stream.of(
        row("the TCP defaults, 10 s and 10 s", s -> s, 10, 10),
        row(
            "the instance + Local HTTP defaults, interval 10 s and timeout 6 s",
            s -> Fixtures.instanceService().local(32456),
            10,
            6),
        row(
            "a timeout equal to the interval",
            s -> s.annotation(HC_INTERVAL, "7").annotation(HC_TIMEOUT, "7"),
            7,
            7),
        row(
            "an HTTP health check with a timeout equal to the interval",
            s ->
                s.annotation(HC_PROTOCOL, "http")
                    .annotation(HC_INTERVAL, "5")
                    .annotation(HC_TIMEOUT, "5"),
            5,
            5),
        row(
            "the shortest interval with a shorter timeout",
            s -> s.annotation(HC_INTERVAL, "5").annotation(HC_TIMEOUT, "2"),
            5,
            2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void isAccepted(String name, UnaryOperator<Fixtures.Svc> service, int interval, int timeout) {
    HealthCheck hc =
        ServiceModelBuilder.build(
                service.apply(Fixtures.service()).build(),
                Fixtures.slices(),
                Fixtures.nodes(),
                Fixtures.facts())
            .targetGroups()
            .get(0)
            .healthCheck();

    assertThat(hc.intervalSeconds()).isEqualTo(interval);
    assertThat(hc.timeoutSeconds()).isEqualTo(timeout);
  }

  private static Arguments row(
      String name, UnaryOperator<Fixtures.Svc> service, int interval, int timeout) {
    return Arguments.of(name, service, interval, timeout);
  }
}
