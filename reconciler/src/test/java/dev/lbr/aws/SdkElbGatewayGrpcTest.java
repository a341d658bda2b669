package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.HealthCheck;
import dev.lbr.model.TargetGroupSpec;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.EmulatedAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Matcher;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupRequest;

/** A GRPC target group's health check matcher holds gRPC status codes, not HTTP ones. */
class SdkElbGatewayGrpcTest {
  private static final HealthCheck GRPC_CHECK =
      new HealthCheck("HTTP", "traffic-port", "/grpc.health.v1.Health/Check", 15, 5, 2, 2, "12");

  private final List<SdkRequest> requests = new ArrayList<>();
  private EmulatedAccount account;
  private AwsClients clients;
  private SdkElbGateway elb;

  @BeforeEach
  void setUp() {
    account = EmulatedAccount.fresh();
    clients =
        AwsEmulator.clients(
            new ExecutionInterceptor() {
              @Override
              public void beforeExecution(
                  Context.BeforeExecution context, ExecutionAttributes attributes) {
                requests.add(context.request());
              }
            });
    elb = new SdkElbGateway(clients.elbv2());
  }

  @AfterEach
  void tearDown() {
    clients.close();
    account.close();
  }

  @Test
  void aGrpcTargetGroupIsCreatedAndReadBackWithGrpcCodes() {
    ActualTargetGroup tg = elb.targetGroup(elb.createTargetGroup(grpc("k8s-grpc"))).orElseThrow();

    assertThat(tg.protocolVersion()).isEqualTo("GRPC");
    assertThat(tg.healthCheck().matcher()).isEqualTo("12");
  }

  @Test
  void aGrpcTargetGroupsMatcherIsModifiedAsGrpcCodes() {
    String grpc = elb.createTargetGroup(grpc("k8s-grpc"));
    String http =
        elb.createTargetGroup(
            Specs.httpTargetGroup("h", "k8s-http", account.world.vpcId(), Map.of()));
    HealthCheck anyStatus =
        new HealthCheck(
            "HTTP", "traffic-port", "/grpc.health.v1.Health/Check", 15, 5, 2, 2, "0-99");

    elb.modifyTargetGroupHealthCheck(grpc, anyStatus);
    elb.modifyTargetGroupHealthCheck(http, Specs.HTTP_CHECK);

    // moto ignores Matcher.GrpcCode in ModifyTargetGroup, so the request is what can be checked.
    assertThat(modifications())
        .containsExactly(
            Matcher.builder().grpcCode("0-99").build(),
            Matcher.builder().httpCode(Specs.HTTP_CHECK.matcher()).build());
  }

  private List<Matcher> modifications() {
    return requests.stream()
        .filter(ModifyTargetGroupRequest.class::isInstance)
        .map(r -> ((ModifyTargetGroupRequest) r).matcher())
        .toList();
  }

  private TargetGroupSpec grpc(String name) {
    return new TargetGroupSpec(
        "game/grpc:50051",
        name,
        "ip",
        "HTTP",
        "GRPC",
        50051,
        "ipv4",
        account.world.vpcId(),
        GRPC_CHECK,
        Map.of(),
        Map.of());
  }
}
