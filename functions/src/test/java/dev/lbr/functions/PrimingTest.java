package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.aws.CallCounter;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.model.StackId;
import org.junit.jupiter.api.Test;

/** SnapStart priming runs a reconcile pass that reads AWS and writes nothing. */
class PrimingTest {

  @Test
  void theSampleEnvelopesPassTheValidatorForTheFunctionsCluster() {
    assertThat(Priming.sampleObjects("any-cluster"))
        .extracting(K8sObject::kind)
        .containsExactly(Kind.SERVICE, Kind.ENDPOINT_SLICE);
    assertThat(Priming.sampleObjects("any-cluster"))
        .allSatisfy(o -> assertThat(o.metadata().namespace()).isEqualTo("lbr-priming"));
  }

  @Test
  void primingReadsEc2ElbAndDynamoDbAndChangesNothing() {
    Harness h = new Harness();
    h.playsScenario("01-echo-nlb", 1);
    h.calls.reset();

    new Priming(h.lbr.controller(), Harness.CLUSTER).beforeCheckpoint(null);

    assertThat(h.calls.describes(CallCounter.ELBV2)).isPositive();
    assertThat(h.calls.total(CallCounter.EC2)).isPositive();
    assertThat(h.calls.mutating(CallCounter.ELBV2)).isZero();
    assertThat(h.calls.mutating(CallCounter.EC2)).isZero();
    assertThat(h.lbr.stores().checkpoints().get(StackId.service("lbr-priming", "lbr-priming")))
        .isEmpty();
    assertThat(h.lbr.stores().checkpoints().list()).hasSize(1);
  }
}
