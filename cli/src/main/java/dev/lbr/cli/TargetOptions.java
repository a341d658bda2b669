package dev.lbr.cli;

import dev.lbr.reconcile.LbrConfig;
import java.net.URI;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Where the commands act: the cluster, the AWS endpoint and region, the state table. */
final class TargetOptions {
  @Option(
      names = "--cluster",
      required = true,
      description = "Cluster name: the value of the elbv2.k8s.aws/cluster tag.")
  String cluster;

  @Option(
      names = "--endpoint",
      description =
          "One endpoint URL for every AWS service (an emulator). Without it, the standard AWS"
              + " credential and region chain is used: a real account.")
  URI endpoint;

  @Option(
      names = "--region",
      description = "AWS region (default: the region chain, or us-east-1 with --endpoint).")
  String region;

  @Option(
      names = "--table",
      defaultValue = "lbr-state",
      description = "DynamoDB state table (default: ${DEFAULT-VALUE}).")
  String table;

  @Option(
      names = "--vpc-id",
      description = "The cluster's VPC (default: the VPC of the subnets tagged for the cluster).")
  String vpcId;

  /** The command's composition, creating the state table first when {@code createTable}. */
  Session session(boolean createTable, ExecutionInterceptor... interceptors) {
    String effectiveRegion = region != null ? region : endpoint != null ? "us-east-1" : null;
    return Session.open(
        new LbrConfig(cluster, effectiveRegion, endpoint, table, vpcId), createTable, interceptors);
  }
}
