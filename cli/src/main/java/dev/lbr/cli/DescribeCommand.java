package dev.lbr.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = "Show the managed stacks of the cluster and their ELBv2 resources.")
final class DescribeCommand implements Callable<Integer> {
  @Mixin TargetOptions target;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "table or json (the scenarios' expected-state format).")
  String output;

  @Override
  public Integer call() throws Exception {
    ObjectNode view;
    try (Session session = target.session(false)) {
      view = session.describe();
    }
    if ("json".equals(output)) {
      System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(view));
    } else {
      System.out.print(TextView.render(view));
    }
    return Lbr.OK;
  }
}
