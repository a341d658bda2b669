package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.testing.EmulatedAccount;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallCounterTest {
  private static final String MISSING_TG =
      "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/missing/0123456789abcdef";
  private EmulatedAccount account;

  @BeforeEach
  void setUp() {
    account = EmulatedAccount.fresh();
  }

  @AfterEach
  void tearDown() {
    account.close();
  }

  @Test
  void countsEachCallByServiceAndOperation() {
    account.clients.elbv2().describeLoadBalancers();
    account.clients.elbv2().describeTargetGroups();
    account.clients.elbv2().describeTargetGroups();
    account.clients.ec2().describeSubnets();

    CallCounter calls = account.calls;
    assertThat(calls.count(CallCounter.ELBV2, "DescribeTargetGroups")).isEqualTo(2);
    assertThat(calls.total(CallCounter.ELBV2)).isEqualTo(3);
    assertThat(calls.describes(CallCounter.ELBV2)).isEqualTo(3);
    assertThat(calls.mutating(CallCounter.ELBV2)).isZero();
    assertThat(calls.total(CallCounter.EC2)).isEqualTo(1);
    assertThat(calls.snapshot())
        .containsOnlyKeys(CallCounter.ELBV2, CallCounter.EC2)
        .containsEntry(CallCounter.EC2, Map.of("DescribeSubnets", 1L));
  }

  @Test
  void countsFailedCallsAsMutatingWhenTheyAreNotReads() {
    var elb = account.clients.elbv2();
    elb.describeLoadBalancers();
    assertThatThrownBy(() -> elb.deleteTargetGroup(r -> r.targetGroupArn(MISSING_TG)))
        .satisfies(e -> assertThat(AwsErrors.isNotFound(e)).isTrue());

    assertThat(account.calls.mutating(CallCounter.ELBV2)).isEqualTo(1);
    assertThat(account.calls.describes(CallCounter.ELBV2)).isEqualTo(1);
    assertThat(account.calls.count(CallCounter.ELBV2, "DeleteTargetGroup")).isEqualTo(1);
  }

  @Test
  void resetForgetsEverything() {
    account.clients.elbv2().describeLoadBalancers();
    account.calls.reset();
    assertThat(account.calls.total(CallCounter.ELBV2)).isZero();
    assertThat(account.calls.snapshot()).isEmpty();
  }
}
