package dev.lbr.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.aws.AwsClients;
import dev.lbr.emulator.EmulatorWorld;
import dev.lbr.functions.ReconcileHandler;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.Kind;
import dev.lbr.reconcile.LbrConfig;
import dev.lbr.state.StateTable;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.Wired;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Cold start of each function, from JVM start to the first handled event, in a fresh JVM per sample
 * run the way Lambda's Java runtime runs it ({@link LambdaProcess}: the runtime interface client,
 * the unpacked {@code lbr-functions.jar}, the handler class instantiated, then events from a local
 * Runtime API), against the emulator (moto) and DynamoDB Local. Each function starts twice per
 * sample: on demand, and as SnapStart does it (init, the CRaC {@code beforeCheckpoint} hooks, then
 * the events after {@code restore/next}). Beside them, a bare function that builds one SDK client
 * and makes one call ({@link ColdStartBaseline}). Reports the medians, then the jar's size and its
 * largest contents. With {@code --against J2}, every function row also runs from the jar J2, right
 * after the same row from the first jar, so that both see the same machine load. Run by {@code
 * bin/bench cold-start}.
 */
final class ColdStartBenchmark {
  static final String CLUSTER = "cold";

  /**
   * Lambda's java21 launch, less its class-data archive: the heap share of 1024 MB, the serial GC,
   * tiered compilation stopped at C1 (Lambda's default for java17 and java21), and the runtime's
   * CRaC implementation behind {@code org.crac}.
   */
  static final List<String> LAMBDA_JVM_FLAGS =
      List.of(
          "-XX:MaxHeapSize=870m",
          "-XX:+UseSerialGC",
          "-XX:+TieredCompilation",
          "-XX:TieredStopAtLevel=1",
          "-Djava.net.preferIPv4Stack=true",
          "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac");

  /**
   * A deployed function: its handler, and the events of one cold start (first, then a warm one).
   */
  enum Function {
    RECONCILE("reconcile", "dev.lbr.functions.ReconcileHandler::handleRequest"),
    TARGETS("targets", "dev.lbr.functions.TargetsHandler::handleRequest"),
    DRIFT("drift", "dev.lbr.functions.DriftHandler::handleRequest");

    final String label;
    final String handler;

    Function(String label, String handler) {
      this.label = label;
      this.handler = handler;
    }
  }

  private ColdStartBenchmark() {}

  public static void main(String[] args) throws Exception {
    int samples = ReconcileBenchmark.option(args, "--samples", 5);
    List<String> flags = new ArrayList<>(LAMBDA_JVM_FLAGS);
    if (List.of(args).contains("--full-jit")) {
      flags.removeIf(f -> f.startsWith("-XX:TieredStopAtLevel"));
    }
    Path jar =
        Path.of(
            option(
                args,
                "--jar",
                System.getProperty("lbr.functions.jar", "functions/target/lbr-functions.jar")));
    List<Path> jars = new ArrayList<>(List.of(jar));
    String against = option(args, "--against", null);
    if (against != null) {
      jars.add(Path.of(against));
    }
    for (Path j : jars) {
      if (!Files.isRegularFile(j)) {
        throw new IllegalStateException("no " + j + ": build it with ./mvnw -pl functions package");
      }
    }
    Path work =
        Path.of("cold-start").toAbsolutePath(); // under bench/target (the working directory)
    delete(work);
    List<LambdaProcess> lambdas = new ArrayList<>();
    for (int i = 0; i < jars.size(); i++) {
      Path task = unpack(jars.get(i), work.resolve("task-" + i));
      install(ColdStartBaseline.class, task);
      lambdas.add(
          new LambdaProcess(
              task, LambdaProcess.runtimeJarsFromClassPath(), flags, work.resolve("logs")));
    }

    Map<Row, List<LambdaProcess.Timing>> results = new LinkedHashMap<>();
    try (DynamoDbLocalServer ddb = DynamoDbLocalServer.start();
        AwsClients aws = AwsEmulator.clients();
        DynamoDbClient dynamo = ddb.client(AwsEmulator.region())) {
      int tables = 0;
      // Sample by sample, every row once (with each jar in turn), so that machine noise spreads
      // over all rows.
      for (int s = 1; s <= samples; s++) {
        for (Function f : Function.values()) {
          for (boolean snapStart : List.of(false, true)) {
            for (int i = 0; i < jars.size(); i++) {
              Row row =
                  new Row(
                      f.label,
                      snapStart ? "SnapStart" : "on demand",
                      jars.size() > 1 ? jars.get(i).getFileName().toString() : null);
              Account account = Account.prepare(aws, dynamo, "lbr-cold-" + ++tables);
              List<String> events = account.events(f);
              String label = row.name() + " " + (i > 0 ? "against-" : "") + s;
              results
                  .computeIfAbsent(row, k -> new ArrayList<>())
                  .add(
                      lambdas
                          .get(i)
                          .run(label, f.handler, snapStart, account.environment(ddb), events));
            }
          }
        }
        Account account = Account.prepare(aws, dynamo, "lbr-cold-" + ++tables);
        results
            .computeIfAbsent(BARE, k -> new ArrayList<>())
            .add(
                lambdas
                    .getFirst()
                    .run(
                        "bare-jvm " + s,
                        ColdStartBaseline.class.getName() + "::handleRequest",
                        false,
                        account.environment(ddb),
                        List.of(scheduledEvent(), scheduledEvent())));
      }
    }
    System.out.print(render(results, samples, flags, jars));
    for (Path j : jars) {
      System.out.println();
      System.out.print(JarContents.of(j, 12).render());
    }
    System.exit(0); // moto's shutdown hook and DynamoDB Local's threads: stop now
  }

  /** A row of the table: a function (or the bare JVM), how it started, and from which jar. */
  private record Row(String function, String start, String jar) {
    String name() {
      return function + " " + start;
    }

    String label() {
      return jar == null ? function : function + " (" + jar + ")";
    }
  }

  private static final Row BARE = new Row("bare JVM", "on demand", null);

  /**
   * The emulated account of one sample: fresh moto state, VPC, pod network, status queue, table.
   */
  private record Account(
      AwsClients aws, DynamoDbClient dynamo, String table, String vpcId, String statusQueueUrl) {

    static Account prepare(AwsClients aws, DynamoDbClient dynamo, String table) {
      AwsEmulator.reset();
      EmulatorWorld.World world = EmulatorWorld.prepare(aws.ec2(), aws.acm(), CLUSTER);
      PodNetwork.create(aws.ec2(), world, 2, 4);
      String queue = aws.sqs().createQueue(r -> r.queueName("lbr-cold-status")).queueUrl();
      StateTable.createIfMissing(dynamo, table);
      return new Account(aws, dynamo, table, world.vpcId(), queue);
    }

    /**
     * The function's two events: two new stacks (reconcile), a scale-up of two existing stacks
     * (targets), two drift runs over two clean stacks (drift). Existing stacks are made here first,
     * through the reconcile handler in this JVM.
     */
    List<String> events(Function f) {
      BenchStack one = new BenchStack(CLUSTER, 1);
      BenchStack two = new BenchStack(CLUSTER, 2);
      if (f == Function.RECONCILE) {
        return List.of(sqsEvent(one.create(2)), sqsEvent(two.create(2)));
      }
      Wired lbr =
          Wired.of(
              new LbrConfig(CLUSTER, AwsEmulator.region(), AwsEmulator.endpoint(), table, vpcId),
              aws,
              dynamo,
              Clock.systemUTC());
      var reconcile = new ReconcileHandler(lbr.processor(EnumSet.allOf(Kind.class)));
      for (BenchStack stack : List.of(one, two)) {
        if (!ReconcileBenchmark.send(reconcile, stack.create(2)).batchItemFailures().isEmpty()) {
          throw new IllegalStateException("could not create the stacks the function starts on");
        }
      }
      return f == Function.TARGETS
          ? List.of(sqsEvent(one.scale(4)), sqsEvent(two.scale(4)))
          : List.of(scheduledEvent(), scheduledEvent());
    }

    /**
     * The functions' environment as the CDK app sets it, plus what Lambda provides: region and
     * credentials. The SDK's endpoint variables point every client at the emulator, DynamoDB at
     * DynamoDB Local; {@code LBR_ENDPOINT} stays unset, so the clients are built as in AWS.
     */
    Map<String, String> environment(DynamoDbLocalServer ddb) {
      Map<String, String> env = new LinkedHashMap<>();
      env.put("CLUSTER_NAME", CLUSTER);
      env.put("STATE_TABLE", table);
      env.put("STATUS_QUEUE_URL", statusQueueUrl);
      env.put("VPC_ID", vpcId);
      env.put("AWS_REGION", AwsEmulator.region());
      env.put("AWS_DEFAULT_REGION", AwsEmulator.region());
      env.put("AWS_ACCESS_KEY_ID", "test");
      env.put("AWS_SECRET_ACCESS_KEY", "test");
      env.put("AWS_SESSION_TOKEN", "test");
      env.put("AWS_ENDPOINT_URL", AwsEmulator.endpoint().toString());
      env.put("AWS_ENDPOINT_URL_DYNAMODB", ddb.endpoint().toString());
      return env;
    }
  }

  /** An SQS event source's batch of one message per envelope, as Lambda delivers it. */
  static String sqsEvent(List<String> envelopes) {
    ObjectNode event = Json.mapper().createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (String body : envelopes) {
      ObjectNode r = records.addObject();
      r.put("messageId", "m" + records.size());
      r.put("receiptHandle", "handle-" + records.size());
      r.put("body", body);
      r.putObject("attributes")
          .put("ApproximateReceiveCount", "1")
          .put("SentTimestamp", Long.toString(System.currentTimeMillis()));
      r.putObject("messageAttributes");
      r.put("md5OfBody", "");
      r.put("eventSource", "aws:sqs");
      r.put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:lbr-cold-reconcile.fifo");
      r.put("awsRegion", "us-east-1");
    }
    return Json.write(event);
  }

  /** EventBridge's scheduled event, as the drift rule delivers it. */
  static String scheduledEvent() {
    ObjectNode event = Json.mapper().createObjectNode();
    event.put("version", "0").put("id", "cold-start").put("detail-type", "Scheduled Event");
    event.put("source", "aws.events").put("account", "123456789012");
    event.put("time", Instant.now().toString()).put("region", "us-east-1");
    event.putArray("resources").add("arn:aws:events:us-east-1:123456789012:rule/lbr-drift");
    event.putObject("detail");
    return Json.write(event);
  }

  private static String render(
      Map<Row, List<LambdaProcess.Timing>> results,
      int samples,
      List<String> flags,
      List<Path> jars) {
    double bare = median(results.get(BARE), LambdaProcess.Timing::cold);
    StringBuilder out = new StringBuilder();
    out.append(
        ("lbr cold-start benchmark: %s, %d fresh JVMs per row (median), JVM flags %s, on %s (%s)"
                + " + DynamoDB Local\n")
            .formatted(
                String.join(
                    " against ", jars.stream().map(j -> j.getFileName().toString()).toList()),
                samples,
                flags,
                AwsEmulator.setting(),
                AwsEmulator.endpoint()));
    out.append(
        "init: JVM start → handler ready (SnapStart: → snapshot point, priming included); first:"
            + " → first event handled (SnapStart: from the snapshot point); cold: JVM start → first"
            + " event handled; warm: the same kind of event in the warm JVM; cost: cold − warm (SnapStart:"
            + " first − warm, the restore itself not included), against the bare JVM's cold\n\n");
    out.append(
        "| function | start | init ms | first ms | cold ms | warm ms | cost ms | cost × bare |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    results.forEach(
        (row, list) -> {
          boolean snap = row.start().equals("SnapStart");
          double init = median(list, LambdaProcess.Timing::init);
          double first = median(list, LambdaProcess.Timing::first);
          double cold = median(list, LambdaProcess.Timing::cold);
          double warm = median(list, LambdaProcess.Timing::second);
          double cost = snap ? first - warm : cold - warm;
          out.append(
              "| %s | %s | %.0f | %.0f | %s | %.0f | %.0f | %.2f |\n"
                  .formatted(
                      row.label(),
                      row.start(),
                      init,
                      first,
                      snap ? "–" : "%.0f".formatted(cold),
                      warm,
                      cost,
                      cost / bare));
        });
    return out.toString();
  }

  private static String option(String[] args, String name, String fallback) {
    int i = List.of(args).indexOf(name);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
  }

  private static double median(
      List<LambdaProcess.Timing> list, ToDoubleFunction<LambdaProcess.Timing> f) {
    List<Double> values = new ArrayList<>(list.stream().mapToDouble(f).boxed().toList());
    Collections.sort(values);
    int n = values.size();
    return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
  }

  /** The jar unpacked, as Lambda unpacks a deployment package into its task root. */
  private static Path unpack(Path jar, Path into) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        Path target = into.resolve(e.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("entry outside the task root: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return into;
  }

  private static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** Puts a class file of this module into the task root, beside the functions' classes. */
  private static void install(Class<?> type, Path task) throws IOException {
    String path = type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getClassLoader().getResourceAsStream(path)) {
      Path target = task.resolve(path);
      Files.createDirectories(target.getParent());
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
