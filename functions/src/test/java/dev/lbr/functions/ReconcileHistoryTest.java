package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.StackId;
import dev.lbr.state.HistoryEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Each reconcile that changed something or failed leaves one history entry; no-ops leave none. */
class ReconcileHistoryTest {
  private static final Path STEP1 = Harness.scenario("01-echo-nlb").resolve("step1.yaml");
  private static final StackId ECHO = StackId.service("default", "svc-nlb-ip-type");
  private static final String SCHEME = "service.beta.kubernetes.io/aws-load-balancer-scheme";

  @Test
  void aCreateANoOpAndAnInvalidInputLeaveExactlyTwoEntries() throws Exception {
    Harness h = new Harness();
    h.step(STEP1);
    h.clock.advance(Duration.ofSeconds(1));
    h.step(STEP1);
    h.clock.advance(Duration.ofSeconds(1));
    h.step(invalidScheme());

    List<HistoryEntry> entries = h.lbr.stores().history().recent(ECHO, 10);

    assertThat(entries).hasSize(2);
    HistoryEntry invalid = entries.get(0);
    assertThat(invalid.result())
        .startsWith("INVALID: Service default/svc-nlb-ip-type: annotation " + SCHEME)
        .contains("unknown scheme \"public\"");
    assertThat(invalid.changes()).isEmpty();
    HistoryEntry created = entries.get(1);
    assertThat(created.result()).isEqualTo("OK");
    assertThat(created.changes())
        .satisfiesExactly(
            c -> assertThat(c).startsWith("create security group k8s-default-svcnlbip-"),
            c -> assertThat(c).endsWith(": [tcp 80 from 0.0.0.0/0]"),
            c -> assertThat(c).startsWith("create target group k8s-default-svcnlbip-"),
            c -> assertThat(c).startsWith("set attributes of target group"),
            c -> assertThat(c).startsWith("create network load balancer k8s-default-svcnlbip-"),
            c -> assertThat(c).startsWith("set attributes of load balancer"),
            c -> assertThat(c).isEqualTo("create listener TCP:80"),
            c ->
                assertThat(c)
                    .isEqualTo(
                        "register 2 target(s) in default/svc-nlb-ip-type:80:"
                            + " [192.168.1.187:8080, 192.168.3.104:8080]"));
    assertThat(created.at()).isEqualTo(invalid.at().minusSeconds(2));
  }

  @Test
  void aFailedPassRecordsTheErrorAndTheChangesAppliedBeforeIt() {
    Harness h = new Harness(failing("CreateListener"));

    assertThat(h.step(STEP1).batchItemFailures()).isNotEmpty();

    List<HistoryEntry> entries = h.lbr.stores().history().recent(ECHO, 10);
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).result()).startsWith("FAILED: ").contains("CreateListener refused");
    assertThat(entries.get(0).changes())
        .hasSize(6)
        .last()
        .satisfies(c -> assertThat(c).startsWith("set attributes of load balancer"));
  }

  /** Step 1 with a scheme LBC does not know, as a newer version of the Service. */
  private static Path invalidScheme() throws Exception {
    String yaml =
        Files.readString(STEP1)
            .replace(SCHEME + ": internet-facing", SCHEME + ": public")
            .replace("resourceVersion: \"1001\"", "resourceVersion: \"1002\"");
    Path file = Files.createTempFile("invalid-scheme", ".yaml");
    Files.writeString(file, yaml);
    file.toFile().deleteOnExit();
    return file;
  }

  private static ExecutionInterceptor failing(String operation) {
    return new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes a) {
        if (operation.equals(a.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
          throw new IllegalStateException(operation + " refused");
        }
      }
    };
  }
}
