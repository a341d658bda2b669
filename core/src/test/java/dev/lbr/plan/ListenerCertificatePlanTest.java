package dev.lbr.plan;

import static dev.lbr.plan.SpecBuilders.listener;
import static dev.lbr.plan.StackFixtures.actualOf;
import static dev.lbr.plan.StackFixtures.base;
import static dev.lbr.plan.StackFixtures.listenerArn;
import static dev.lbr.plan.StackFixtures.mapListeners;
import static dev.lbr.plan.StackFixtures.withCertificates;
import static dev.lbr.plan.StackFixtures.withListeners;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.ListenerSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A TLS listener's certificates as LBC reconciles them (v3.4.1+): the first desired certificate is
 * the default one, and the listener's certificate list holds every desired certificate, the default
 * one included, compared as a set.
 */
class ListenerCertificatePlanTest {
  private static final ListenerSpec TLS =
      listener(base().listeners().get(0))
          .protocol("TLS")
          .certificates("cert-a", "cert-b")
          .sslPolicy("ELBSecurityPolicy-2016-08")
          .build();
  private static final DesiredStack DESIRED = withListeners(base(), TLS);

  private final Planner planner = new Planner();

  static Stream<Arguments> unchanged() {
    return Stream.of(
        row(
            "a listener LBC made: the default certificate in the list too",
            "cert-a",
            "cert-a",
            "cert-b"),
        row("the list in another order", "cert-a", "cert-b", "cert-a"));
  }

  static Stream<Arguments> modified() {
    return Stream.of(
        row("a list without the default certificate (LBC before v3.4.1)", "cert-a", "cert-b"),
        row("a list without the other certificate", "cert-a", "cert-a"),
        row("a certificate in the list that is not wanted", "cert-a", "cert-a", "cert-b", "cert-c"),
        row("another default certificate, the list unchanged", "cert-b", "cert-a", "cert-b"),
        row("an empty list", "cert-a"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unchanged")
  void aListenerHoldingEveryCertificateInItsListIsLeftAlone(
      String name, String defaultCert, List<String> list) {
    assertThat(planner.plan(DESIRED, actual(defaultCert, list), Map.of()).changes()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modified")
  void aListenerWhoseCertificatesDifferIsModified(
      String name, String defaultCert, List<String> list) {
    assertThat(planner.plan(DESIRED, actual(defaultCert, list), Map.of()).changes())
        .containsExactly(
            new Change.ModifyListener(
                Ref.existing(
                    listenerArn(DESIRED.loadBalancer().get(), TLS.port()),
                    "listener/" + TLS.port()),
                TLS));
  }

  @Test
  void theDriftReportNamesTheCertificateListThatLacksTheDefaultCertificate() {
    ActualStack actual = actual("cert-a", List.of("cert-b"));
    Plan plan = planner.plan(DESIRED, actual, Map.of());

    assertThat(plan.findings())
        .extracting(DriftFinding::field, DriftFinding::expected, DriftFinding::actual)
        .containsExactly(tuple("certificate list", "[cert-a, cert-b]", "[cert-b]"));
  }

  @Test
  void theDriftReportNamesAChangedDefaultCertificate() {
    ActualStack actual = actual("cert-b", List.of("cert-a", "cert-b"));
    Plan plan = planner.plan(DESIRED, actual, Map.of());

    assertThat(plan.findings())
        .extracting(DriftFinding::field, DriftFinding::expected, DriftFinding::actual)
        .containsExactly(tuple("default certificate", "cert-a", "cert-b"));
  }

  private static ActualStack actual(String defaultCert, List<String> list) {
    return mapListeners(
        actualOf(DESIRED), l -> withCertificates(l, defaultCert, list.toArray(String[]::new)));
  }

  private static Arguments row(String name, String defaultCert, String... list) {
    return Arguments.of(name, defaultCert, List.of(list));
  }
}
