package dev.lbr.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.Json;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One Lambda execution environment as a child JVM: Lambda's runtime interface client ({@code
 * AWSLambda}, the one the managed Java runtime runs) on the system class path, the function's
 * unpacked jar as the task root (its working directory), Lambda's default JVM flags for the java21
 * runtime, and {@link LambdaRuntimeApi} handing it the events. With {@code snapStart} the client
 * runs the CRaC {@code beforeCheckpoint} hooks after init and asks for {@code restore/next}, as it
 * does when SnapStart publishes a version; no snapshot is taken, the process just goes on.
 */
record LambdaProcess(Path taskRoot, List<Path> runtimeJars, List<String> jvmFlags, Path logs) {

  /**
   * Milliseconds of one cold start. {@code init}: JVM start until the first {@code invocation/next}
   * (or {@code restore/next}: the snapshot point). {@code first}: from there until the first
   * event's response. {@code cold}: JVM start until that response. {@code second}: the second
   * event's time, as a warm container handles it.
   */
  record Timing(double init, double first, double cold, double second) {}

  private static final String MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
  private static final long TIMEOUT_MS = 180_000;

  /** The jars of Lambda's Java runtime, from this JVM's class path (bench's dependencies). */
  static List<Path> runtimeJarsFromClassPath() {
    List<String> wanted =
        List.of(
            "aws-lambda-java-runtime-interface-client-",
            "aws-lambda-java-serialization-",
            "aws-lambda-java-core-",
            "utils-lite-");
    List<Path> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (wanted.stream().anyMatch(name::startsWith)) {
        jars.add(Path.of(entry));
      }
    }
    if (jars.size() != wanted.size()) {
      throw new IllegalStateException(
          "Lambda's runtime jars are not all on the class path: " + jars);
    }
    return jars;
  }

  Timing run(
      String label, String handler, boolean snapStart, Map<String, String> env, List<String> events)
      throws IOException, InterruptedException {
    Files.createDirectories(logs);
    Path log = logs.resolve(label.replaceAll("[^A-Za-z0-9.-]+", "-") + ".log");
    String arn = "arn:aws:lambda:us-east-1:123456789012:function:" + label.split(" ")[0];
    try (LambdaRuntimeApi api = new LambdaRuntimeApi(arn)) {
      events.forEach(api::enqueue);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmFlags);
      command.add("-classpath");
      command.add(
          runtimeJars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
      command.add(MAIN);
      command.add(handler);
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(taskRoot.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      Map<String, String> environment = pb.environment();
      environment.clear();
      environment.put("PATH", System.getenv("PATH"));
      environment.put("LANG", "en_US.UTF-8");
      environment.put("TZ", ":UTC");
      environment.put("LAMBDA_TASK_ROOT", taskRoot.toString());
      environment.put("_HANDLER", handler);
      environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
      environment.put("AWS_LAMBDA_RUNTIME_API", api.address());
      environment.put("AWS_LAMBDA_FUNCTION_NAME", label.split(" ")[0]);
      environment.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
      environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
      environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", snapStart ? "snap-start" : "on-demand");
      environment.putAll(env);
      long start = System.nanoTime();
      Process child = pb.start();
      try {
        List<LambdaRuntimeApi.Invocation> done = api.await(events.size(), TIMEOUT_MS, child);
        done.forEach(i -> requireNoFailedMessages(label, i.response()));
        LambdaRuntimeApi.Invocation first = done.get(0);
        long initEnd = snapStart ? api.restoreNanos() : first.nextNanos();
        if (initEnd < 0) {
          throw new IllegalStateException("the runtime client never asked for restore/next");
        }
        LambdaRuntimeApi.Invocation second = done.get(done.size() - 1);
        return new Timing(
            millis(initEnd - start),
            millis(first.doneNanos() - initEnd),
            millis(first.doneNanos() - start),
            millis(second.doneNanos() - second.nextNanos()));
      } catch (RuntimeException e) {
        throw new IllegalStateException(label + ": " + e.getMessage() + " (log: " + log + ")", e);
      } finally {
        child.destroy();
        if (!child.waitFor(10, TimeUnit.SECONDS)) {
          child.destroyForcibly().waitFor();
        }
      }
    }
  }

  /** An SQS handler answers with its failed messages: there must be none. */
  private static void requireNoFailedMessages(String label, String response) {
    JsonNode failures = Json.read(response, JsonNode.class).path("batchItemFailures");
    if (failures.size() > 0) {
      throw new IllegalStateException(label + ": messages failed: " + response);
    }
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
