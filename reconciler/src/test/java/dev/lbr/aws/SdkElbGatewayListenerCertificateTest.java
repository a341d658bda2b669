package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.emulator.SelfSignedCertificate;
import dev.lbr.model.Action;
import dev.lbr.model.ActualListener;
import dev.lbr.model.ListenerSpec;
import dev.lbr.testing.EmulatedAccount;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;

/**
 * A TLS listener's certificates as LBC (v3.4.1+) leaves them: the first one is the default, and
 * every one, the default included, is in the listener's certificate list, so {@code
 * DescribeListenerCertificates} lists the default one twice (documented AWS behaviour). The end
 * state is asserted, not the calls: moto's {@code ModifyListener} replaces the whole certificate
 * list where AWS changes only the default certificate.
 */
class SdkElbGatewayListenerCertificateTest {
  private static final Action NOT_FOUND = new Action.FixedResponse("404", "text/plain", null);
  private static SelfSignedCertificate sniCertificate;

  private EmulatedAccount account;
  private SdkElbGateway elb;
  private ElasticLoadBalancingV2Client sdk;
  private String cert;
  private String sni;

  @BeforeAll
  static void makeCertificate() {
    sniCertificate = SelfSignedCertificate.generate("sni.example.com", Duration.ofDays(30));
  }

  @BeforeEach
  void setUp() {
    account = EmulatedAccount.fresh();
    elb = account.elb;
    sdk = account.clients.elbv2();
    cert = account.world.certificateArn();
    sni = importSniCertificate();
  }

  @AfterEach
  void tearDown() {
    account.close();
  }

  @Test
  void aListenerLbrCreatesHasTheCertificatesOfOneLbcCreates() {
    String ours = elb.createListener(alb("ours"), https(cert, sni));
    String lbcs = createAsLbc(alb("lbc"), cert, cert, sni);

    assertThat(entries(ours))
        .containsExactlyInAnyOrder(cert + " default", cert + " listed", sni + " listed")
        .containsExactlyInAnyOrderElementsOf(entries(lbcs));
  }

  @Test
  void aListenerLbcCreatedReadsBackWithItsDefaultCertificateInBothPlaces() {
    String alb = alb("lbc");
    createAsLbc(alb, cert, cert, sni);

    ActualListener l = single(elb.listeners(alb));

    assertThat(l.defaultCertificateArn()).isEqualTo(cert);
    assertThat(l.extraCertificateArns()).containsExactlyInAnyOrder(cert, sni);
    assertThat(l.certificateArns()).containsExactly(cert, sni);
  }

  @Test
  void aListenerOfAnOlderLbcGetsItsDefaultCertificateAddedToTheList() {
    String alb = alb("old");
    String arn = createAsLbc(alb, cert, sni); // before v3.4.1: the default one not in the list

    elb.modifyListener(arn, https(cert, sni));

    assertThat(entries(arn))
        .containsExactlyInAnyOrder(cert + " default", cert + " listed", sni + " listed");
  }

  @Test
  void aNewDefaultCertificateKeepsEveryCertificateInTheList() {
    String alb = alb("swap");
    String arn = elb.createListener(alb, https(cert, sni));

    elb.modifyListener(arn, https(sni, cert));

    assertThat(entries(arn))
        .containsExactlyInAnyOrder(sni + " default", sni + " listed", cert + " listed");
  }

  @Test
  void aRemovedCertificateLeavesTheList() {
    String alb = alb("remove");
    String arn = elb.createListener(alb, https(cert, sni));

    elb.modifyListener(arn, https(cert));

    assertThat(entries(arn)).containsExactlyInAnyOrder(cert + " default", cert + " listed");
  }

  /** LBC's calls: the listener with its default certificate, then each listed one by itself. */
  private String createAsLbc(String alb, String defaultCert, String... listed) {
    String arn =
        sdk.createListener(
                r ->
                    r.loadBalancerArn(alb)
                        .port(443)
                        .protocol("HTTPS")
                        .sslPolicy("ELBSecurityPolicy-2016-08")
                        .certificates(Certificate.builder().certificateArn(defaultCert).build())
                        .defaultActions(ElbActions.toSdk(List.of(NOT_FOUND))))
            .listeners()
            .get(0)
            .listenerArn();
    for (String c : listed) {
      sdk.addListenerCertificates(
          r -> r.listenerArn(arn).certificates(Certificate.builder().certificateArn(c).build()));
    }
    return arn;
  }

  /** DescribeListenerCertificates as "ARN default" and "ARN listed" entries. */
  private List<String> entries(String listenerArn) {
    return sdk.describeListenerCertificates(r -> r.listenerArn(listenerArn)).certificates().stream()
        .map(
            c -> c.certificateArn() + (Boolean.TRUE.equals(c.isDefault()) ? " default" : " listed"))
        .toList();
  }

  private static ListenerSpec https(String... certificates) {
    return new ListenerSpec(
        443,
        "HTTPS",
        List.of(certificates),
        "ELBSecurityPolicy-2016-08",
        null,
        List.of(NOT_FOUND),
        null,
        null);
  }

  private String alb(String name) {
    return elb.createLoadBalancer(
        Specs.alb(name, account.world.publicSubnetIds(), List.of(), Map.of()));
  }

  private String importSniCertificate() {
    return account
        .clients
        .acm()
        .importCertificate(
            r ->
                r.certificate(
                        SdkBytes.fromString(
                            sniCertificate.certificatePem(), StandardCharsets.US_ASCII))
                    .privateKey(
                        SdkBytes.fromString(
                            sniCertificate.privateKeyPem(), StandardCharsets.US_ASCII)))
        .certificateArn();
  }

  private static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }
}
