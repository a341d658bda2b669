package dev.lbr.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The Lambda asset Maven builds: what it holds, and its size budget. */
class FunctionJarTest {
  /** Lambda's limit is 250 MB unzipped; keep well under it. */
  private static final long UNZIPPED_BUDGET = 80L * 1024 * 1024;

  @Test
  void theJarHoldsTheHandlersAndStaysWithinItsBudget() throws Exception {
    Path jar = TestStacks.functionsJar();
    assertThat(jar).isRegularFile();
    assertThat(Files.size(jar)).isLessThanOrEqualTo(FunctionCode.BUDGET_BYTES);
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
      long unzipped = Collections.list(zip.entries()).stream().mapToLong(ZipEntry::getSize).sum();
      assertThat(unzipped).isLessThanOrEqualTo(UNZIPPED_BUDGET);
      assertThat(names)
          .contains(
              "dev/lbr/functions/ReconcileHandler.class",
              "dev/lbr/functions/TargetsHandler.class",
              "dev/lbr/functions/DriftHandler.class",
              "dev/lbr/event/EventContract.class",
              // the core's log lines reach CloudWatch: SLF4J to log4j2 with Powertools' layout
              "org/apache/logging/slf4j/SLF4JServiceProvider.class",
              "log4j2.properties",
              "LambdaJsonLayout.json",
              "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class",
              // SnapStart priming: its hook and its sample envelopes
              "org/crac/Core.class",
              "dev/lbr/functions/Priming.class",
              "dev/lbr/functions/priming-service.json",
              // what ProGuard keeps of a service: the client and the operations called
              "software/amazon/awssdk/services/ec2/DefaultEc2Client.class",
              "software/amazon/awssdk/services/ec2/model/DescribeSubnetsRequest.class",
              // the SQS functions read Lambda's event themselves
              "dev/lbr/functions/SqsBatches.class")
          // test-only and unused HTTP stacks stay out
          .noneMatch(n -> n.startsWith("dev/lbr/testing/"))
          .noneMatch(
              n ->
                  n.startsWith("org/junit/")
                      || n.startsWith("com/amazonaws/services/dynamodbv2/local/"))
          .noneMatch(n -> n.startsWith("io/netty/") || n.startsWith("org/apache/http/"))
          // nor Lambda's event classes (the SQS functions are stream handlers), nor an XML log
          // configuration (log4j would load the JDK's XML parser for it)
          .noneMatch(n -> n.startsWith("com/amazonaws/services/lambda/runtime/events/"))
          .doesNotContain("log4j2.xml")
          // Powertools' JsonConfig, which writes structured log arguments, registers Joda's module
          .contains("org/joda/time/DateTime.class");
    }
  }

  @Test
  void aMissingJarFailsSynthNamingItAndTheCommandThatBuildsIt() {
    Path missing = Path.of("/nonexistent/lbr-functions.jar");
    assertThatThrownBy(() -> FunctionCode.asset(missing))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nonexistent/lbr-functions.jar does not exist")
        .hasMessageContaining(FunctionCode.BUILD_COMMAND);
  }
}
