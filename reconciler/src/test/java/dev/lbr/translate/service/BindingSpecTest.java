package dev.lbr.translate.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.event.StackResult;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.TargetGroupSpec;
import dev.lbr.reconcile.ReconcileResult;
import dev.lbr.reconcile.StackResults;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The TargetGroupBinding a Service's target group shows in the cluster: LBC's name, serviceRef,
 * target type, protocol, VPC and networking ({@code buildTargetGroupBindingSpec}).
 */
class BindingSpecTest {

  @Test
  void aServicePortsBindingNamesTheTargetGroupTheServicePortAndTheBackendGroupRule() {
    DesiredStack desired =
        ServiceModelBuilder.build(
                Fixtures.service().build(), Fixtures.slices(), Fixtures.nodes(), Fixtures.facts())
            .withBackendGroup("sg-backend");
    TargetGroupSpec tg = desired.targetGroups().get(0);

    ReconcileResult.View view =
        StackResults.view(
            desired, "K8S-Default-Echo.elb.amazonaws.com", Map.of(tg.resourceId(), "arn:tg"));

    assertThat(view.loadBalancer().dnsName()).isEqualTo("k8s-default-echo.elb.amazonaws.com");
    assertThat(view.loadBalancer().listenerPorts()).containsExactly(80);
    StackResult.Binding b = view.bindings().get(0);
    assertThat(b.name()).isEqualTo(tg.name());
    assertThat(b.targetGroupArn()).isEqualTo("arn:tg");
    assertThat(List.of(b.namespace(), b.serviceName(), b.servicePort()))
        .isEqualTo(
            List.of(
                Fixtures.service().build().metadata().namespace(),
                Fixtures.service().build().metadata().name(),
                "80"));
    assertThat(b.targetType()).isEqualTo("ip");
    assertThat(b.protocol()).isEqualTo("TCP");
    assertThat(b.vpcId()).isEqualTo(Fixtures.facts().vpcId());
    StackResult.IngressRule rule = b.networking().ingress().get(0);
    assertThat(rule.from())
        .containsExactly(Map.of("securityGroup", Map.of("groupID", "sg-backend")));
    assertThat(rule.ports())
        .extracting(p -> p.get("protocol") + ":" + p.get("port"))
        .containsExactly("TCP:8080");
  }

  @Test
  void aTargetGroupNotYetCreatedHasNoBindingAndADeletedStackNoAddress() {
    DesiredStack desired =
        ServiceModelBuilder.build(
            Fixtures.service().build(), Fixtures.slices(), Fixtures.nodes(), Fixtures.facts());

    assertThat(StackResults.view(desired, "dns", Map.of()).bindings()).isEmpty();
    assertThat(StackResults.view(DesiredStack.empty(desired.id()), null, Map.of()).loadBalancer())
        .isNull();
  }
}
