package dev.lbr.translate.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lbr.event.Projection;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.K8sTargetGroupBinding;
import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.InvalidInputException;
import dev.lbr.model.NetworkingPort;
import dev.lbr.model.TargetGroupNetworking;
import dev.lbr.model.TargetSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BindingModelBuilderTest {
  private static final String ARN =
      "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop/0123456789abcdef";

  private static final K8sService SHOP =
      (K8sService)
          object(
              """
              apiVersion: v1
              kind: Service
              metadata: {namespace: shop, name: web}
              spec:
                type: NodePort
                ports:
                  - {name: http, protocol: TCP, port: 80, targetPort: 8080, nodePort: 30080}
              """);

  private static K8sTargetGroupBinding binding(String spec) {
    return (K8sTargetGroupBinding)
        object(
            "apiVersion: elbv2.k8s.aws/v1beta1\nkind: TargetGroupBinding\n"
                + "metadata: {namespace: shop, name: web}\nspec:\n"
                + spec.indent(2));
  }

  private static Object object(String yaml) {
    try {
      return Projection.toObject(Projection.project(new YAMLMapper().readTree(yaml)));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ActualTargetGroup group(String targetType) {
    return new ActualTargetGroup(
        ARN, "shop", targetType, "TCP", null, 80, "ipv4", "vpc-1", null, Map.of(), Map.of());
  }

  @Test
  void anIpBindingRegistersThePodsOfTheServicePortItNamesByNumber() {
    var tgb =
        binding(
            """
            targetGroupARN: %s
            serviceRef: {name: web, port: 80}
            networking:
              ingress:
                - from: [{securityGroup: {groupID: sg-lb}}, {ipBlock: {cidr: 10.0.0.0/16}}]
                  ports: [{protocol: TCP, port: 8080}]
            """
                .formatted(ARN));

    BindingModel model = BindingModelBuilder.build(tgb, Optional.of(SHOP), group("ip"));

    assertThat(model.targetGroupArn()).isEqualTo(ARN);
    assertThat(model.source())
        .isEqualTo(TargetSource.pods("shop", "web", "http", "TCP", "8080", "ipv4"));
    assertThat(model.networking())
        .containsExactly(
            new TargetGroupNetworking(
                BindingModel.TARGET_GROUP,
                "ip",
                List.of(NetworkingPort.tcp(8080)),
                List.of("sg-lb", "10.0.0.0/16")));
  }

  @Test
  void anInstanceBindingRegistersTheSelectedNodesOnTheNodePortOfTheNamedPort() {
    var tgb =
        binding(
            """
            targetGroupName: shop
            targetType: instance
            serviceRef: {name: web, port: http}
            nodeSelector: {matchLabels: {pool: edge}}
            """);

    BindingModel model = BindingModelBuilder.build(tgb, Optional.of(SHOP), group("instance"));

    assertThat(model.source()).isEqualTo(TargetSource.nodes(30080, Map.of("pool", "edge")));
    assertThat(model.networking()).isEmpty();
  }

  @Test
  void theTargetTypeDefaultsToTheTargetGroupsAndMustAgreeWithIt() {
    var tgb = binding("targetGroupARN: %s\nserviceRef: {name: web, port: 80}".formatted(ARN));

    assertThat(BindingModelBuilder.build(tgb, Optional.of(SHOP), group("instance")).source())
        .isEqualTo(TargetSource.nodes(30080, Map.of()));
    var ip =
        binding(
            "targetGroupARN: %s\ntargetType: ip\nserviceRef: {name: web, port: 80}".formatted(ARN));
    assertThatThrownBy(() -> BindingModelBuilder.build(ip, Optional.of(SHOP), group("instance")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "TargetGroupBinding shop/web: spec.targetType: ip does not match target group shop"
                + " (target type instance)");
  }

  @Test
  void aMissingServiceOrPortIsNamed() {
    var tgb = binding("targetGroupARN: %s\nserviceRef: {name: web, port: 443}".formatted(ARN));

    assertThatThrownBy(() -> BindingModelBuilder.build(tgb, Optional.empty(), group("ip")))
        .hasMessage(
            "TargetGroupBinding shop/web: spec.serviceRef.name: Service shop/web not found");
    assertThatThrownBy(() -> BindingModelBuilder.build(tgb, Optional.of(SHOP), group("ip")))
        .hasMessage(
            "TargetGroupBinding shop/web: spec.serviceRef.port: Service shop/web has no port 443");
  }

  @Test
  void instanceTargetsOfAClusterIpServiceAndNodeExpressionsAreRefused() {
    K8sService clusterIp =
        (K8sService)
            object(
                """
                apiVersion: v1
                kind: Service
                metadata: {namespace: shop, name: web}
                spec: {type: ClusterIP, ports: [{name: http, port: 80}]}
                """);
    var tgb = binding("targetGroupARN: %s\nserviceRef: {name: web, port: 80}".formatted(ARN));
    var expressions =
        binding(
            """
            targetGroupARN: %s
            serviceRef: {name: web, port: 80}
            nodeSelector: {matchExpressions: [{key: pool, operator: In, values: [edge]}]}
            """
                .formatted(ARN));

    assertThatThrownBy(
            () -> BindingModelBuilder.build(tgb, Optional.of(clusterIp), group("instance")))
        .hasMessageContaining("instance targets need a NodePort or LoadBalancer Service");
    assertThatThrownBy(
            () -> BindingModelBuilder.build(expressions, Optional.of(SHOP), group("instance")))
        .hasMessageContaining("spec.nodeSelector.matchExpressions is not supported yet");
  }

  @Test
  void aLambdaTargetGroupIsRefused() {
    var tgb = binding("targetGroupARN: %s\nserviceRef: {name: web, port: 80}".formatted(ARN));

    assertThatThrownBy(() -> BindingModelBuilder.build(tgb, Optional.of(SHOP), group("lambda")))
        .hasMessage(
            "TargetGroupBinding shop/web: target group shop has target type lambda: only ip and"
                + " instance");
  }
}
