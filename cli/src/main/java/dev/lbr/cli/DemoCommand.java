package dev.lbr.cli;

import dev.lbr.aws.AwsClients;
import dev.lbr.emulator.EmulatorWorld;
import dev.lbr.emulator.MotoServer;
import dev.lbr.emulator.NetworkSpec;
import dev.lbr.emulator.PreparedNetwork;
import dev.lbr.emulator.ScenarioNetwork;
import dev.lbr.emulator.ScenarioTexts;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sObject;
import dev.lbr.manifest.Manifests;
import dev.lbr.reconcile.LbrConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code lbr demo}: needs no AWS account. Starts the emulator found on this machine, prepares a VPC
 * like an EKS cluster's with the cluster's nodes and pod network interfaces in it, and walks
 * through the seed scenarios with {@code apply --prune}, printing what exists after each step; ends
 * with console edits repaired by {@code drift}.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Walk through the seed scenarios on the local AWS emulator (moto).")
final class DemoCommand implements Callable<Integer> {
  static final String CLUSTER = "demo";

  @Override
  public Integer call() throws IOException {
    PrintStream out = System.out;
    out.println("Starting the AWS emulator (moto)...");
    try (MotoServer moto = MotoServer.start()) {
      out.println("  emulator at " + moto.endpoint());
      AwsClients clients = new AwsClients(AwsClients.Config.endpoint(moto.endpoint(), "us-east-1"));
      EmulatorWorld.World world = EmulatorWorld.prepare(clients.ec2(), clients.acm(), CLUSTER);
      out.println(
          "  VPC "
              + world.vpcId()
              + " with subnets "
              + world.publicSubnetIds()
              + " (public) and "
              + world.privateSubnetIds()
              + " (private); certificate "
              + world.certificateArn());
      Session session =
          Session.open(
              new LbrConfig(CLUSTER, "us-east-1", moto.endpoint(), "lbr-demo", world.vpcId()),
              true);
      List<String[]> steps =
          resource("steps.txt")
              .lines()
              .filter(line -> !line.isBlank() && !line.startsWith("#"))
              .map(line -> line.split("\\|", 2))
              .toList();
      ScenarioTexts texts = buildNetwork(clients, world, steps, out);
      int worst = texts.problems().isEmpty() ? Lbr.OK : Lbr.FAILED;
      int n = 0;
      for (String[] parts : steps) {
        out.printf("%n━━ Step %d: %s%n   lbr apply --prune -f %s%n", ++n, parts[1], parts[0]);
        String yaml = texts.rewrite(resource(parts[0]));
        List<K8sObject> objects = Manifests.parse(yaml, Path.of(parts[0]));
        int status = new Sync(session, out).apply(objects, true, 0);
        worst = Math.max(worst, status);
        if (parts[0].startsWith("06-drift-repair/")) {
          DriftDemo.consoleEdits(clients.elbv2(), out);
          worst = Math.max(worst, DriftDemo.run(session.controller(), out));
        }
        out.println();
        out.print(TextView.render(session.describe()));
      }
      out.printf(
          "%nDone: %d steps. The emulator is stopped now; nothing was created in any AWS account.%n",
          n);
      return worst;
    }
  }

  /**
   * The cluster's network, as a real cluster has it before lbr sees it: the walk is one cluster, so
   * its network is the {@code network.json} of every scenario walked, together (node security
   * group, an instance per Node, an ENI per pod IP), built before step 1. Returns the step texts'
   * rewriting for it: the steps' made-up instance ids become the instances built, {@code
   * ${CERT_ARN}} the certificate.
   */
  private static ScenarioTexts buildNetwork(
      AwsClients clients, EmulatorWorld.World world, List<String[]> steps, PrintStream out)
      throws IOException {
    NetworkSpec network = NetworkSpec.empty();
    for (String scenario : steps.stream().map(s -> scenarioOf(s[0])).distinct().toList()) {
      network =
          network.union(
              NetworkSpec.parse(Json.mapper().readTree(resource(scenario + "/network.json"))));
    }
    PreparedNetwork prepared =
        ScenarioNetwork.build(clients.ec2(), world, network.withCluster(CLUSTER));
    out.println(
        "  cluster network: security groups "
            + prepared.groupIds().values()
            + ", nodes "
            + prepared.instanceIds()
            + ", "
            + network.enis().size()
            + " pod ENIs");
    List<String> stepTexts = new ArrayList<>();
    for (String[] step : steps) {
      stepTexts.add(resource(step[0]));
    }
    ScenarioTexts texts =
        ScenarioTexts.of(prepared, Map.of("CERT_ARN", world.certificateArn()), stepTexts);
    texts.problems().forEach(problem -> out.println("  " + problem));
    return texts;
  }

  private static String scenarioOf(String stepResource) {
    return stepResource.substring(0, stepResource.indexOf('/'));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/" + name)) {
      if (in == null) {
        throw new IOException("demo resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
