package dev.lbr.k8s.validation;

import static dev.lbr.k8s.validation.Objects.errors;
import static dev.lbr.k8s.validation.Objects.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.lbr.k8s.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A user's TargetGroupBinding, as LBC's CRD schema and webhook check it. */
class TargetGroupBindingValidationTest {
  static final String BINDING =
      """
      apiVersion: elbv2.k8s.aws/v1beta1
      kind: TargetGroupBinding
      metadata:
        namespace: default
        name: echo-tgb
      spec:
        targetGroupARN: arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/echo/0123456789abcdef
        targetType: ip
        serviceRef: {name: echo, port: 80}
        ipAddressType: ipv4
        multiClusterTargetGroup: true
        networking:
          ingress:
            - from: [{securityGroup: {groupID: sg-0123456789abcdef0}}]
              ports: [{protocol: TCP, port: 8080}]
      """;

  @Test
  void theBaseBindingIsValid() {
    assertThat(errors(Kind.TARGET_GROUP_BINDING, Objects.of(BINDING))).isEmpty();
  }

  @Test
  void aTargetGroupNamedInsteadOfItsArnAndANamedPortAreValid() {
    var byName =
        with(
            with(BINDING, "/spec/targetGroupARN", null).toString(),
            "/spec/targetGroupName",
            "\"echo\"");
    var namedPort = with(byName.toString(), "/spec/serviceRef/port", "\"http\"");

    assertThat(errors(Kind.TARGET_GROUP_BINDING, namedPort)).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        arguments("/spec/serviceRef", null, "spec.serviceRef: required value"),
        arguments("/spec/serviceRef/port", null, "spec.serviceRef.port: required value"),
        arguments(
            "/spec/serviceRef/port",
            "70000",
            "spec.serviceRef.port: 70000 must be between 1 and 65535"),
        arguments(
            "/spec/targetGroupARN",
            null,
            "spec.targetGroupARN: either targetGroupARN or targetGroupName must be specified"),
        arguments(
            "/spec/targetGroupName",
            "\"echo\"",
            "spec.targetGroupName: targetGroupARN and targetGroupName cannot both be specified"),
        arguments(
            "/spec/targetGroupARN",
            "\"arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/x/1\"",
            "must be a target group ARN"),
        arguments("/spec/targetType", "\"lambda\"", "spec.targetType: \"lambda\" is not supported"),
        arguments(
            "/spec/multiClusterTargetGroup",
            "\"yes\"",
            "spec.multiClusterTargetGroup: must be a boolean, got \"yes\""));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("invalid")
  void refuses(String pointer, String json, String message) {
    assertThat(errors(Kind.TARGET_GROUP_BINDING, with(BINDING, pointer, json))).contains(message);
  }
}
