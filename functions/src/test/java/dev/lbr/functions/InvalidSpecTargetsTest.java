package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.event.StackResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Service whose spec turns invalid keeps its last valid target groups following the endpoints
 * (LBC's TargetGroupBinding reconciler does), while the new spec is refused: scenario 01's NLB.
 */
class InvalidSpecTargetsTest {
  private static final Path SCENARIO = Harness.scenario("01-echo-nlb");

  @TempDir Path dir;

  @Test
  void anInvalidServiceStillDeregistersItsRemovedPodAndRegistersItsNewOne() throws IOException {
    Harness h = new Harness().withStatusQueue();
    h.step(SCENARIO.resolve("step1.yaml"));
    assertThat(targets(h)).containsExactlyInAnyOrder("192.168.1.187", "192.168.3.104");
    h.results();

    // the scheme annotation becomes invalid, then pod .104 is replaced by .2.96
    String step3 = Files.readString(SCENARIO.resolve("step3.yaml"));
    String invalid =
        step3
            .replace(
                "aws-load-balancer-scheme: internet-facing", "aws-load-balancer-scheme: sideways")
            .replace("resourceVersion: \"1001\"", "resourceVersion: \"1002\"");
    invalid = withoutEndpoint(invalid, "192.168.3.104");
    Path file = dir.resolve("invalid.yaml");
    Files.writeString(file, invalid);
    var response = h.step(file);

    assertThat(response.batchItemFailures()).isEmpty();
    assertThat(targets(h)).containsExactlyInAnyOrder("192.168.1.187", "192.168.2.96");
    List<StackResult> results = h.results();
    assertThat(results).isNotEmpty();
    StackResult last = results.get(results.size() - 1);
    assertThat(last.outcome()).isEqualTo(StackResult.Outcome.INVALID);
    assertThat(last.message())
        .contains("sideways")
        .contains("targets of the last valid spec are kept current");
    assertThat(scheme(h)).as("the refused spec changed nothing else").isEqualTo("internet-facing");
  }

  /** Drops the endpoint block of {@code ip} (five lines in the scenario's slices). */
  private static String withoutEndpoint(String yaml, String ip) {
    List<String> lines = new java.util.ArrayList<>(List.of(yaml.split("\n", -1)));
    int at = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("addresses: [\"" + ip + "\"]")) {
        at = i;
      }
    }
    assertThat(at).as("endpoint %s in the step", ip).isNotNegative();
    int end = at + 1;
    while (end < lines.size() && lines.get(end).startsWith("    ")) {
      end++;
    }
    lines.subList(at, end).clear();
    return String.join("\n", lines);
  }

  private static Set<String> targets(Harness h) {
    var elb = h.testClients().elbv2();
    Set<String> ids = new TreeSet<>();
    elb.describeTargetGroups()
        .targetGroups()
        .forEach(
            tg ->
                elb.describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn()))
                    .targetHealthDescriptions()
                    .forEach(d -> ids.add(d.target().id())));
    return ids;
  }

  private static String scheme(Harness h) {
    return h.testClients().elbv2().describeLoadBalancers().loadBalancers().get(0).schemeAsString();
  }
}
