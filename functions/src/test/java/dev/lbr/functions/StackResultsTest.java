package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.event.StackResult;
import dev.lbr.event.StackResult.Outcome;
import dev.lbr.testing.RepoFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * The stack results the reconcile function sends to the status queue, as the forwarder will apply
 * them: scenario 01's NLB (created, scaled, made invalid, deleted) and an IngressGroup of two.
 */
class StackResultsTest {
  private static final Path SCENARIO = Harness.scenario("01-echo-nlb");

  @Test
  void aNewNlbIsReportedWithItsDnsNameListenerPortsAndTargetGroupBinding() {
    Harness h = new Harness().withStatusQueue();

    h.step(SCENARIO.resolve("step1.yaml"));

    List<StackResult> results = h.results();
    assertThat(results).hasSize(1);
    StackResult r = results.get(0);
    LoadBalancer nlb = onlyLoadBalancer(h);
    TargetGroup tg = h.testClients().elbv2().describeTargetGroups().targetGroups().get(0);
    assertThat(r.cluster()).isEqualTo(Harness.CLUSTER);
    assertThat(r.stack()).isEqualTo("service/default/svc-nlb-ip-type");
    assertThat(r.outcome()).isEqualTo(Outcome.RECONCILED);
    assertThat(r.reason()).isEqualTo("SuccessfullyReconciled");
    assertThat(r.message()).isEqualTo("Successfully reconciled");
    assertThat(r.objects())
        .extracting(
            StackResult.Member::kind, StackResult.Member::namespace, StackResult.Member::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Service", "default", "svc-nlb-ip-type"));
    assertThat(r.loadBalancer().dnsName()).isEqualTo(nlb.dnsName().toLowerCase());
    assertThat(r.loadBalancer().listenerPorts()).containsExactly(80);
    assertThat(r.targetGroups()).hasSize(1);
    StackResult.Binding b = r.targetGroups().get(0);
    assertThat(b.name()).isEqualTo(tg.targetGroupName());
    assertThat(b.targetGroupArn()).isEqualTo(tg.targetGroupArn());
    assertThat(b.namespace()).isEqualTo("default");
    assertThat(b.serviceName()).isEqualTo("svc-nlb-ip-type");
    assertThat(b.servicePort()).isEqualTo("80");
    assertThat(b.targetType()).isEqualTo("ip");
    assertThat(b.protocol()).isEqualTo("TCP");
    assertThat(b.vpcId()).isEqualTo(h.world.vpcId());
    assertThat(r.sequence()).isPositive();
  }

  @Test
  void scalingTheTargetsSendsNoResultAndAnUnchangedStepNone() {
    Harness h = new Harness().withStatusQueue();
    h.step(SCENARIO.resolve("step1.yaml"));
    h.results();

    h.step(SCENARIO.resolve("step2.yaml"));
    h.step(SCENARIO.resolve("step2.yaml"));

    assertThat(h.results()).as("targets-only and unchanged passes").isEmpty();
  }

  @Test
  void anInvalidAnnotationIsReportedAsFailedBuildModelNamingTheAnnotation() throws IOException {
    Harness h = new Harness().withStatusQueue();
    h.step(SCENARIO.resolve("step1.yaml"));
    h.results();

    h.step(
        rewritten(
            SCENARIO.resolve("step1.yaml"),
            "aws-load-balancer-scheme: internet-facing",
            "aws-load-balancer-scheme: sideways"));

    List<StackResult> results = h.results();
    assertThat(results).hasSize(1);
    StackResult r = results.get(0);
    assertThat(r.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(r.reason()).isEqualTo("FailedBuildModel");
    assertThat(r.message())
        .startsWith("Failed build model due to ")
        .contains("aws-load-balancer-scheme");
    assertThat(r.objects()).extracting(StackResult.Member::name).containsExactly("svc-nlb-ip-type");
    assertThat(r.targetGroups()).as("bindings stay as they are").isNull();
    assertThat(onlyLoadBalancer(h).scheme().toString()).isEqualTo("internet-facing");
  }

  @Test
  void deletingTheServiceReportsTheStackDeletedAfterItsResourcesAreGone() {
    Harness h = new Harness().withStatusQueue();
    h.step(SCENARIO.resolve("step1.yaml"));
    long first = h.results().get(0).sequence();

    h.step(SCENARIO.resolve("step4.yaml"));

    List<StackResult> results = h.results();
    assertThat(results).hasSize(1);
    StackResult r = results.get(0);
    assertThat(r.outcome()).isEqualTo(Outcome.DELETED);
    assertThat(r.objects()).isEmpty();
    assertThat(r.targetGroups()).isEmpty();
    assertThat(r.sequence()).isGreaterThan(first);
    assertThat(h.testClients().elbv2().describeLoadBalancers().loadBalancers()).isEmpty();
  }

  @Test
  void everyMemberOfAnIngressGroupIsReportedWithTheGroupsAddress() throws IOException {
    Harness h = new Harness().withStatusQueue();
    Path yaml = Files.createTempDirectory("group").resolve("group.yaml");
    Files.writeString(yaml, RepoFixtures.ingressGroupOfTwo());

    h.step(yaml);

    List<StackResult> results = h.results();
    assertThat(results).hasSize(1);
    StackResult r = results.get(0);
    assertThat(r.stack()).isEqualTo("ingress/shop");
    assertThat(r.outcome()).isEqualTo(Outcome.RECONCILED);
    assertThat(r.objects())
        .extracting(StackResult.Member::namespace, StackResult.Member::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("default", "cart"),
            org.assertj.core.groups.Tuple.tuple("web", "front"));
    assertThat(r.loadBalancer().dnsName()).isEqualTo(onlyLoadBalancer(h).dnsName().toLowerCase());
    assertThat(r.loadBalancer().listenerPorts()).containsExactly(80);
    assertThat(r.targetGroups())
        .extracting(StackResult.Binding::namespace, StackResult.Binding::serviceName)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("default", "cart"),
            org.assertj.core.groups.Tuple.tuple("web", "front"));
  }

  @Test
  void aResultThatCannotBeSentFailsThePassAndItsRetrySendsIt() {
    FailSendOnce fault = new FailSendOnce();
    Harness h = new Harness(fault).withStatusQueue();

    var first = h.step(SCENARIO.resolve("step1.yaml"));

    assertThat(first.batchItemFailures()).as("the message is retried").isNotEmpty();
    assertThat(h.results()).isEmpty();

    var retry = h.step(SCENARIO.resolve("step1.yaml"));

    assertThat(retry.batchItemFailures()).isEmpty();
    List<StackResult> results = h.results();
    assertThat(results).extracting(StackResult::outcome).containsExactly(Outcome.RECONCILED);
    assertThat(results.get(0).loadBalancer().dnsName())
        .isEqualTo(onlyLoadBalancer(h).dnsName().toLowerCase());
  }

  /** Fails the first SendMessage (a status queue that did not answer). */
  static final class FailSendOnce implements ExecutionInterceptor {
    private boolean failed;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (!failed
          && "SendMessage".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
        failed = true;
        throw new IllegalStateException("simulated: the status queue did not answer");
      }
    }
  }

  private static LoadBalancer onlyLoadBalancer(Harness h) {
    List<LoadBalancer> lbs = h.testClients().elbv2().describeLoadBalancers().loadBalancers();
    assertThat(lbs).hasSize(1);
    return lbs.stream().min(Comparator.comparing(LoadBalancer::loadBalancerName)).orElseThrow();
  }

  /**
   * The step with one text replaced and the Service's resourceVersion bumped, in a file outside the
   * scenario (the harness rewrites it for the scenario prepared by an earlier step).
   */
  private static Path rewritten(Path step, String from, String to) throws IOException {
    String text = Files.readString(step);
    assertThat(text).contains(from);
    Path file = Files.createTempDirectory("step").resolve(step.getFileName());
    Files.writeString(file, text.replace(from, to).replace("\"1001\"", "\"1002\""));
    return file;
  }
}
