package dev.lbr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.Json;
import dev.lbr.testing.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/** {@code lbr describe}, mostly after {@code lbr apply} of scenario 01-echo-nlb, step 1. */
class DescribeCommandTest {
  private final EmulatedCli cli = new EmulatedCli();
  private LoadBalancer lb;
  private TargetGroup tg;

  private void applyEchoStep1() {
    assertThat(cli.lbr("apply", "-f", cli.step("01-echo-nlb", 1).toString()).status()).isZero();
    lb = cli.aws.elbv2().describeLoadBalancers().loadBalancers().get(0);
    tg = cli.aws.elbv2().describeTargetGroups().targetGroups().get(0);
  }

  @AfterEach
  void close() {
    cli.close();
  }

  @Test
  void theTextShowsTheStackItsListenerTargetGroupAndTargets() {
    applyEchoStep1();

    EmulatedCli.Run describe = cli.lbr("describe");

    assertThat(describe.status()).as(describe.err()).isZero();
    assertThat(describe.out())
        .contains("default/svc-nlb-ip-type")
        .contains(lb.loadBalancerName())
        .contains("network")
        .contains("internet-facing")
        .contains("TCP:80 → tg:default/svc-nlb-ip-type:80")
        .contains(tg.targetGroupName())
        .contains("TCP:8080 ip")
        .contains("192.168.1.187:8080, 192.168.3.104:8080");
  }

  @Test
  void theJsonIsTheScenarioFormatAndMatchesWhatExists() throws Exception {
    applyEchoStep1();

    EmulatedCli.Run describe = cli.lbr("describe", "-o", "json");

    assertThat(describe.status()).as(describe.err()).isZero();
    JsonNode view = Json.mapper().readTree(describe.out());
    Scenario echo = cli.scenario("01-echo-nlb");
    assertThat(echo.differences(echo.expected(1), view)).isEmpty();
    assertThat(view.at("/loadBalancers/0/arn").asText()).isEqualTo(lb.loadBalancerArn());
    assertThat(view.at("/loadBalancers/0/name").asText()).isEqualTo(lb.loadBalancerName());
    assertThat(view.at("/targetGroups/0/name").asText()).isEqualTo(tg.targetGroupName());
    List<String> targets = new ArrayList<>();
    view.at("/targetGroups/0/targets").forEach(t -> targets.add(t.path("id").asText()));
    assertThat(targets)
        .containsExactlyInAnyOrderElementsOf(
            cli
                .aws
                .elbv2()
                .describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn()))
                .targetHealthDescriptions()
                .stream()
                .map(TargetHealthDescription::target)
                .map(t -> t.id())
                .toList());
  }

  @Test
  void aClusterWithNothingYetSaysSoEvenBeforeTheStateTableExists() {
    EmulatedCli.Run describe = cli.lbr("describe");

    assertThat(describe.status()).isZero();
    assertThat(describe.out()).isEqualTo("(nothing tagged for this cluster)\n");
  }
}
