package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.emulator.SelfSignedCertificate;
import dev.lbr.model.Action;
import dev.lbr.model.ActualListener;
import dev.lbr.model.ActualListener.ActualRule;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.RuleCondition;
import dev.lbr.model.RuleSpec;
import dev.lbr.model.TargetGroupRef;
import dev.lbr.model.TargetGroupSpec;
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

class SdkElbGatewayListenerTest {
  private static final Action NOT_FOUND = new Action.FixedResponse("404", "text/plain", null);
  private static SelfSignedCertificate sniCertificate;

  private EmulatedAccount account;
  private SdkElbGateway elb;

  @BeforeAll
  static void makeCertificate() {
    sniCertificate = SelfSignedCertificate.generate("sni.example.com", Duration.ofDays(30));
  }

  @BeforeEach
  void setUp() {
    account = EmulatedAccount.fresh();
    elb = account.elb;
  }

  @AfterEach
  void tearDown() {
    account.close();
  }

  @Test
  void aTcpListenerForwardsToOneTargetGroupAndHasNoCertificatesOrRules() {
    String nlb =
        elb.createLoadBalancer(Specs.nlb("nlb", account.world.publicSubnetIds(), Map.of()));
    String tg = tcpTargetGroup("tcp");
    ListenerSpec spec =
        new ListenerSpec(
            80, "TCP", null, null, null, List.of(forward(tg)), null, Map.of("team", "web"));

    String arn = elb.createListener(nlb, spec);

    ActualListener l = single(elb.listeners(nlb));
    assertThat(l.arn()).isEqualTo(arn);
    assertThat(l.port()).isEqualTo(80);
    assertThat(l.protocol()).isEqualTo("TCP");
    assertThat(l.certificateArns()).isEmpty();
    assertThat(l.sslPolicy()).isNull();
    assertThat(l.alpnPolicy()).isNull();
    assertThat(l.defaultActions()).containsExactly(forward(tg));
    assertThat(l.rules()).isEmpty();
    assertThat(l.tags()).containsEntry("team", "web");
  }

  @Test
  void aTcpUdpListenerForwardsToATcpUdpTargetGroup() {
    String nlb =
        elb.createLoadBalancer(Specs.nlb("nlb", account.world.publicSubnetIds(), Map.of()));
    Map<String, String> tags = Specs.tags(Specs.ECHO, "default/echo:53");
    TargetGroupSpec dns =
        new TargetGroupSpec(
            "default/echo:53",
            "dns",
            "ip",
            "TCP_UDP",
            null,
            5353,
            "ipv4",
            account.world.vpcId(),
            Specs.TCP_CHECK,
            Map.of(),
            tags);
    String tg = elb.createTargetGroup(dns);

    elb.createListener(
        nlb, new ListenerSpec(53, "TCP_UDP", null, null, null, List.of(forward(tg)), null, null));

    ActualListener l = single(elb.listeners(nlb));
    assertThat(l.protocol()).isEqualTo("TCP_UDP");
    assertThat(l.certificateArns()).isEmpty();
    assertThat(l.defaultActions()).containsExactly(forward(tg));
    assertThat(elb.targetGroup(tg).stream().toList())
        .singleElement()
        .satisfies(t -> assertThat(t.protocol()).isEqualTo("TCP_UDP"));
  }

  @Test
  void aTlsListenerKeepsItsCertificateSslPolicyAndAlpnPolicy() {
    String nlb =
        elb.createLoadBalancer(Specs.nlb("nlb", account.world.publicSubnetIds(), Map.of()));
    String tg = tcpTargetGroup("tls");
    ListenerSpec spec =
        new ListenerSpec(
            443,
            "TLS",
            List.of(account.world.certificateArn()),
            "ELBSecurityPolicy-TLS13-1-2-2021-06",
            "HTTP2Preferred",
            List.of(forward(tg)),
            null,
            null);

    elb.createListener(nlb, spec);

    ActualListener l = single(elb.listeners(nlb));
    assertThat(l.protocol()).isEqualTo("TLS");
    assertThat(l.certificateArns()).containsExactly(account.world.certificateArn());
    assertThat(l.extraCertificateArns()).containsExactly(account.world.certificateArn());
    assertThat(l.sslPolicy()).isEqualTo("ELBSecurityPolicy-TLS13-1-2-2021-06");
    assertThat(l.alpnPolicy()).isEqualTo("HTTP2Preferred");
  }

  @Test
  void anHttpsListenerReadsBackItsDefaultCertificateFirstAndItsSniCertificates() {
    String alb = alb();
    String sni = importSniCertificate();
    ListenerSpec spec =
        new ListenerSpec(
            443,
            "HTTPS",
            List.of(account.world.certificateArn(), sni),
            "ELBSecurityPolicy-2016-08",
            null,
            List.of(NOT_FOUND),
            null,
            null);

    elb.createListener(alb, spec);

    ActualListener l = single(elb.listeners(alb));
    assertThat(l.certificateArns()).containsExactly(account.world.certificateArn(), sni);
    assertThat(l.defaultCertificateArn()).isEqualTo(account.world.certificateArn());
    assertThat(l.extraCertificateArns())
        .as("every certificate is in the list, the default one too (LBC)")
        .containsExactlyInAnyOrder(account.world.certificateArn(), sni);
    assertThat(l.sslPolicy()).isEqualTo("ELBSecurityPolicy-2016-08");
    assertThat(account.calls.count(CallCounter.ELBV2, "AddListenerCertificates")).isEqualTo(2);
  }

  @Test
  void rulesWithEveryActionKindReadBackByPriorityWithoutTheDefaultRule() {
    String alb = alb();
    String blue = httpTargetGroup("blue");
    String green = httpTargetGroup("green");
    Action weighted =
        new Action.Forward(
            List.of(
                new Action.WeightedTargetGroup(TargetGroupRef.external(blue), 80),
                new Action.WeightedTargetGroup(TargetGroupRef.external(green), 20)),
            60);
    Action redirect =
        new Action.Redirect("HTTPS", "443", "#{host}", "/#{path}", "#{query}", "HTTP_301");
    Action teapot = new Action.FixedResponse("503", "application/json", "{\"down\":true}");
    List<RuleSpec> rules =
        List.of(
            new RuleSpec(3, List.of(header("x-canary", "always")), List.of(teapot), null),
            new RuleSpec(1, List.of(path("/api/*")), List.of(weighted), null),
            new RuleSpec(2, List.of(host("old.example.com")), List.of(redirect), null),
            new RuleSpec(
                4, List.of(query("debug", "1"), path("/debug")), List.of(forward(blue)), null));
    ListenerSpec spec =
        new ListenerSpec(80, "HTTP", null, null, null, List.of(NOT_FOUND), rules, null);

    String listener = elb.createListener(alb, spec);
    assertThat(single(elb.listeners(alb)).rules()).as("rules have their own calls").isEmpty();
    rules.forEach(rule -> elb.createRule(listener, rule));

    ActualListener l = single(elb.listeners(alb));
    assertThat(l.defaultActions()).containsExactly(NOT_FOUND);
    assertThat(l.rules()).extracting(ActualRule::priority).containsExactly(1, 2, 3, 4);
    assertThat(l.rules().get(0).conditions()).containsExactly(path("/api/*"));
    assertThat(l.rules().get(0).actions()).containsExactly(weighted);
    assertThat(l.rules().get(1).conditions()).containsExactly(host("old.example.com"));
    assertThat(l.rules().get(1).actions()).containsExactly(redirect);
    assertThat(l.rules().get(2).conditions()).containsExactly(header("x-canary", "always"));
    assertThat(l.rules().get(2).actions()).containsExactly(teapot);
    assertThat(l.rules().get(3).conditions()).containsExactly(query("debug", "1"), path("/debug"));
    assertThat(l.rules().get(3).actions()).containsExactly(forward(blue));
  }

  @Test
  void modifyingAListenerChangesItsDefaultActionAndCertificates() {
    String alb = alb();
    String tg = httpTargetGroup("web");
    String sni = importSniCertificate();
    String cert = account.world.certificateArn();
    String arn =
        elb.createListener(
            alb,
            new ListenerSpec(
                443, "HTTPS", List.of(cert, sni), null, null, List.of(NOT_FOUND), null, null));

    elb.modifyListener(
        arn,
        new ListenerSpec(
            443,
            "HTTPS",
            List.of(cert),
            "ELBSecurityPolicy-TLS13-1-2-2021-06",
            null,
            List.of(forward(tg)),
            null,
            null));
    ActualListener afterRemoval = single(elb.listeners(alb));
    elb.modifyListener(
        arn,
        new ListenerSpec(
            443, "HTTPS", List.of(cert, sni), null, null, List.of(forward(tg)), null, null));
    ActualListener afterAdding = single(elb.listeners(alb));

    assertThat(afterRemoval.defaultActions()).containsExactly(forward(tg));
    assertThat(afterRemoval.certificateArns()).containsExactly(cert);
    assertThat(afterRemoval.extraCertificateArns()).containsExactly(cert);
    assertThat(afterRemoval.sslPolicy()).isEqualTo("ELBSecurityPolicy-TLS13-1-2-2021-06");
    assertThat(afterAdding.certificateArns()).containsExactly(cert, sni);
    assertThat(afterAdding.extraCertificateArns()).containsExactlyInAnyOrder(cert, sni);
  }

  @Test
  void aDeletedListenerIsGoneAndDeletingItAgainIsANoOp() {
    String alb = alb();
    String arn =
        elb.createListener(
            alb, new ListenerSpec(80, "HTTP", null, null, null, List.of(NOT_FOUND), null, null));

    elb.deleteListener(arn);
    elb.deleteListener(arn);

    assertThat(elb.listeners(alb)).isEmpty();
  }

  @Test
  void aRuleReadsBackWithTheTagsItWasCreatedWith() {
    String alb = alb();
    String listener =
        elb.createListener(
            alb, new ListenerSpec(80, "HTTP", null, null, null, List.of(NOT_FOUND), null, null));

    elb.createRule(
        listener, new RuleSpec(1, List.of(path("/a")), List.of(NOT_FOUND), Map.of("team", "web")));
    elb.createRule(listener, new RuleSpec(2, List.of(path("/b")), List.of(NOT_FOUND), null));

    List<ActualRule> rules = single(elb.listeners(alb)).rules();
    assertThat(rules.get(0).tags()).containsExactlyEntriesOf(Map.of("team", "web"));
    assertThat(rules.get(1).tags()).isEmpty();
  }

  @Test
  void rulesCanBeCreatedChangedReprioritisedAndDeleted() {
    String alb = alb();
    String tg = httpTargetGroup("web");
    String listener =
        elb.createListener(
            alb, new ListenerSpec(80, "HTTP", null, null, null, List.of(NOT_FOUND), null, null));

    String rule =
        elb.createRule(listener, new RuleSpec(5, List.of(path("/a")), List.of(NOT_FOUND), null));
    elb.modifyRule(rule, new RuleSpec(5, List.of(path("/b")), List.of(forward(tg)), null));
    elb.setRulePriorities(Map.of(rule, 7));

    ActualRule read = single(elb.listeners(alb)).rules().get(0);
    assertThat(read.priority()).isEqualTo(7);
    assertThat(read.conditions()).containsExactly(path("/b"));
    assertThat(read.actions()).containsExactly(forward(tg));

    elb.deleteRule(rule);
    elb.deleteRule(rule);
    assertThat(single(elb.listeners(alb)).rules()).isEmpty();
  }

  private String alb() {
    return elb.createLoadBalancer(
        Specs.alb("alb", account.world.publicSubnetIds(), List.of(), Map.of()));
  }

  private String tcpTargetGroup(String name) {
    return elb.createTargetGroup(Specs.tcpTargetGroup(name, name, account.world.vpcId(), Map.of()));
  }

  private String httpTargetGroup(String name) {
    return elb.createTargetGroup(
        Specs.httpTargetGroup(name, name, account.world.vpcId(), Map.of()));
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

  private static Action forward(String tgArn) {
    return Action.Forward.to(TargetGroupRef.external(tgArn));
  }

  private static RuleCondition path(String value) {
    return new RuleCondition("path-pattern", List.of(value), null, null, null);
  }

  private static RuleCondition host(String value) {
    return new RuleCondition("host-header", List.of(value), null, null, null);
  }

  private static RuleCondition header(String name, String value) {
    return new RuleCondition("http-header", List.of(value), null, name, null);
  }

  private static RuleCondition query(String key, String value) {
    return new RuleCondition(
        "query-string", null, null, null, List.of(new RuleCondition.QueryString(key, value)));
  }

  private static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }
}
