package dev.lbr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * {@code lbr apply} against the emulator with input kube-apiserver would refuse: the refused
 * objects change nothing (the working stack and its registered pods stay), the rest of the input
 * still reconciles, and the exit status says something was refused.
 */
class ApplyRefusesInvalidObjectsTest {
  private static final String SERVICE = "Service default/svc-nlb-ip-type";
  private static final String SLICE = "EndpointSlice default/svc-nlb-ip-type-x7k2p";
  private static final String PORTS =
      "  ports:\n    - port: 80\n      targetPort: 8080\n      protocol: TCP\n";

  private final EmulatedCli cli = new EmulatedCli();
  private String step1;

  @BeforeEach
  void applyAWorkingStack() throws Exception {
    step1 = Files.readString(cli.step("01-echo-nlb", 1));
    EmulatedCli.Run first = cli.lbr("apply", "-f", EmulatedCli.manifest(step1).toString());
    assertThat(first.status()).as(first.out() + first.err()).isZero();
    assertThat(targets()).containsExactly("192.168.1.187:8080", "192.168.3.104:8080");
  }

  @AfterEach
  void close() {
    cli.close();
  }

  @Test
  void emptyPortsAndAnAddressThatIsNoIpAreRefusedAndTheStackAndItsPodsStay() {
    assertThat(step1).contains(PORTS).contains("addresses: [\"192.168.1.187\"]");
    String invalid =
        step1
            .replace(PORTS, "  ports: []\n")
            .replace("addresses: [\"192.168.1.187\"]", "addresses: [\"not-an-ip\"]");
    var before = stackShape();

    EmulatedCli.Run run =
        cli.lbr("apply", "--prune", "-f", EmulatedCli.manifest(invalid).toString());

    assertThat(run.status()).isEqualTo(Lbr.INVALID_INPUT);
    assertThat(run.err())
        .contains(
            SERVICE
                + ": spec.ports: required value: a Service of type LoadBalancer needs at least"
                + " one port")
        .contains(SLICE + ": endpoints[0].addresses[0]: \"not-an-ip\" must be a valid IPv4");
    assertThat(run.out()).contains("not pruning: part of the input was refused");
    assertThat(stackShape()).isEqualTo(before);
    assertThat(targets()).containsExactly("192.168.1.187:8080", "192.168.3.104:8080");
  }

  @Test
  void anOversizeObjectIsRefusedAloneAndTheRestOfTheInputReconciles() {
    String scaledUp =
        step1.replace(
            "name: deploy-echo-857b6cfb88-p2}",
            "name: deploy-echo-857b6cfb88-p2}\n"
                + "  - addresses: [\"192.168.2.96\"]\n"
                + "    conditions: {ready: true, serving: true, terminating: false}\n"
                + "    nodeName: ip-192-168-96-10.ap-northeast-2.compute.internal\n"
                + "    zone: ap-northeast-2a\n"
                + "    targetRef: {kind: Pod, namespace: default, name: deploy-echo-857b6cfb88-p3}");
    assertThat(scaledUp).isNotEqualTo(step1);
    String oversize = oversizeSlice();
    EmulatedCli.Run run =
        cli.lbr("apply", "-f", EmulatedCli.manifest(scaledUp + oversize).toString());

    assertThat(run.status()).as(run.out() + run.err()).isEqualTo(Lbr.INVALID_INPUT);
    assertThat(run.out())
        .contains("✗ EndpointSlice default/svc-nlb-ip-type-big: event is ")
        .contains("bytes, over the limit of 262144 bytes (refused)")
        .contains("register 1 target(s)");
    assertThat(targets())
        .containsExactly("192.168.1.187:8080", "192.168.2.96:8080", "192.168.3.104:8080");
    assertThat(cli.aws.elbv2().describeLoadBalancers().loadBalancers()).hasSize(1);
  }

  /**
   * A second slice of the Service, valid (1000 endpoints of 20 addresses, within the API server's
   * limits) but larger than one event can carry.
   */
  private static String oversizeSlice() {
    StringBuilder yaml =
        new StringBuilder(
            "\n---\napiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n"
                + "  name: svc-nlb-ip-type-big\n  namespace: default\n"
                + "  labels: {kubernetes.io/service-name: svc-nlb-ip-type}\n"
                + "addressType: IPv4\nports: [{name: \"\", port: 8080, protocol: TCP}]\n"
                + "endpoints:\n");
    for (int i = 0; i < 1000; i++) {
      yaml.append("  - addresses: [");
      for (int a = 0; a < 20; a++) {
        int n = i * 20 + a + 1;
        yaml.append(a == 0 ? "" : ", ").append("10.1.").append(n >> 8).append('.');
        yaml.append(n & 255);
      }
      yaml.append("]\n    conditions: {ready: false}\n");
      yaml.append("    targetRef: {kind: Pod, namespace: default, name: echo-").append(i);
      yaml.append("}\n");
    }
    return yaml.toString();
  }

  /** The load balancers, listeners and target groups (ARNs), to compare before and after. */
  private List<String> stackShape() {
    var elb = cli.aws.elbv2();
    var lbs = elb.describeLoadBalancers().loadBalancers();
    var shape = new java.util.ArrayList<String>();
    for (var lb : lbs) {
      shape.add(lb.loadBalancerArn());
      elb.describeListeners(r -> r.loadBalancerArn(lb.loadBalancerArn()))
          .listeners()
          .forEach(l -> shape.add(l.listenerArn() + " " + l.port()));
    }
    elb.describeTargetGroups().targetGroups().forEach(tg -> shape.add(tg.targetGroupArn()));
    return shape;
  }

  /** Every registered target of every target group, as ip:port, sorted. */
  private List<String> targets() {
    var elb = cli.aws.elbv2();
    return elb.describeTargetGroups().targetGroups().stream()
        .flatMap(
            tg ->
                elb
                    .describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn()))
                    .targetHealthDescriptions()
                    .stream())
        .map(TargetHealthDescription::target)
        .map(t -> t.id() + ":" + t.port())
        .sorted()
        .toList();
  }
}
