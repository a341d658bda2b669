package dev.lbr.cli;

import dev.lbr.aws.AwsClients;
import dev.lbr.emulator.EmulatorWorld;
import dev.lbr.emulator.NetworkSpec;
import dev.lbr.emulator.PreparedNetwork;
import dev.lbr.emulator.ScenarioNetwork;
import dev.lbr.event.Routing;
import dev.lbr.reconcile.LbrConfig;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lbr serve}: the AWS side of one cluster on this machine, against an emulator: the bus,
 * rules, queues, status queue and table of {@link Routing}, the handlers polling their queues
 * in-process, drift on a timer. Prints one ready line to stdout, logs to stderr, and runs until
 * SIGTERM or SIGINT.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Run the AWS side of one cluster on this machine against an emulator (moto, LocalStack):"
            + " bus, rules, queues, table, the handlers polling their queues, drift on a timer."
            + " Point the forwarder at the bus and status queue it prints.")
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--cluster", required = true, description = "Cluster name.")
  String cluster;

  @Option(
      names = "--endpoint",
      required = true,
      description = "The emulator's URL, e.g. http://localhost:5000 (moto). Never real AWS.")
  URI endpoint;

  @Option(
      names = "--region",
      defaultValue = "us-east-1",
      description = "Region (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(names = "--table", description = "DynamoDB state table (default: lbr-<cluster>).")
  String table;

  @Option(
      names = "--vpc-id",
      description = "The cluster's VPC (default: the VPC of the subnets tagged for the cluster).")
  String vpcId;

  @Option(
      names = "--prepare-vpc",
      description =
          "Without --vpc-id: create (or find) a VPC with subnets tagged for the cluster and a"
              + " throwaway certificate on the emulator, as lbr demo does, and use it.")
  boolean prepareVpc;

  @Option(
      names = "--network",
      description =
          "With --prepare-vpc, on a fresh emulator: also build this network.json (the scenarios' format: node security"
              + " groups, an instance per Node, an ENI per pod IP) in the VPC, so that lbr, which"
              + " registers only the cluster's targets, finds the cluster's pods and nodes.")
  Path network;

  @Option(
      names = "--drift-interval",
      defaultValue = "5m",
      converter = DriftCommand.DurationConverter.class,
      description = "Time between drift runs; 0 disables drift (default: ${DEFAULT-VALUE}).")
  Duration driftInterval;

  @Option(
      names = "--status-queue-name",
      description = "The status queue's name (default: lbr-<cluster>-status).")
  String statusQueueName;

  private final PrintStream out;
  private final CountDownLatch stop;

  /** For the command line: stops on SIGTERM or SIGINT. */
  ServeCommand() {
    this(System.out, null);
  }

  /** For tests: prints to {@code out}, stops when {@code stop} opens. */
  ServeCommand(PrintStream out, CountDownLatch stop) {
    this.out = out;
    this.stop = stop;
  }

  @Override
  public Integer call() throws InterruptedException {
    refuseRealAws(endpoint);
    PrintStream log = System.err;
    Routing routing = Routing.of(cluster);
    if (statusQueueName != null) {
      routing = routing.withStatusQueueName(statusQueueName);
    }
    String tableName = table != null ? table : "lbr-" + cluster;
    if (network != null && (!prepareVpc || vpcId != null)) {
      throw new IllegalArgumentException("--network needs --prepare-vpc (and no --vpc-id)");
    }
    try (ServeClients clients = ServeClients.of(endpoint, region)) {
      String vpc = vpcId != null || !prepareVpc ? vpcId : prepare(clients.aws(), log);
      LocalDeployment.Deployed deployed = LocalDeployment.create(clients, routing, tableName);
      LbrConfig config =
          new LbrConfig(cluster, region, endpoint, tableName, vpc)
              .withStatusQueue(deployed.statusQueueUrl())
              .withHealthCheckQueue(deployed.healthQueueUrl());
      CountDownLatch stopping = stop != null ? stop : new CountDownLatch(1);
      CountDownLatch stopped = new CountDownLatch(1);
      if (stop == null) {
        java.lang.Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      stopping.countDown();
                      awaitQuietly(stopped);
                    },
                    "lbr-serve-stop"));
      }
      try (ServeLoop loop =
          ServeLoop.start(config, routing, deployed, clients.sqs(), driftInterval, log)) {
        out.printf(
            "lbr serve: ready cluster=%s bus=%s status-queue=%s table=%s region=%s endpoint=%s%s%n",
            cluster,
            deployed.busName(),
            deployed.statusQueueUrl(),
            deployed.table(),
            region,
            endpoint,
            vpc == null ? "" : " vpc=" + vpc);
        out.flush();
        stopping.await();
        log.println("lbr serve: stopping");
      } finally {
        stopped.countDown();
      }
    }
    log.println("lbr serve: stopped");
    return Lbr.OK;
  }

  private String prepare(AwsClients aws, PrintStream log) {
    EmulatorWorld.World world = EmulatorWorld.prepare(aws.ec2(), aws.acm(), cluster);
    if (network != null) {
      PreparedNetwork built =
          ScenarioNetwork.build(aws.ec2(), world, NetworkSpec.read(network).withCluster(cluster));
      log.println(
          "lbr serve: network "
              + network
              + ": security groups "
              + built.groupIds()
              + ", nodes "
              + built.instanceIds());
    }
    log.println(
        "lbr serve: VPC "
            + world.vpcId()
            + ", public subnets "
            + world.publicSubnetIds()
            + ", private subnets "
            + world.privateSubnetIds()
            + ", certificate "
            + world.certificateArn());
    return world.vpcId();
  }

  /** Real AWS is deployed with the CDK app, not served from a laptop. */
  static void refuseRealAws(URI endpoint) {
    String host = endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(Locale.ROOT);
    if (host.endsWith("amazonaws.com")
        || host.endsWith("amazonaws.com.cn")
        || host.endsWith(".api.aws")) {
      throw new IllegalArgumentException(
          "lbr serve runs against an emulator (moto, LocalStack) only, and "
              + endpoint
              + " is AWS itself; deploy the CDK app for a real account (docs/deploy.md)");
    }
    if (host.isEmpty()
        || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
      throw new IllegalArgumentException(
          "--endpoint must be an http(s) URL such as http://localhost:5000, not " + endpoint);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
