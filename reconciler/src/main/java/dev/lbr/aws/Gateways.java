package dev.lbr.aws;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The AWS ports the reconciler calls, over one account's SDK clients ({@link #sdk}) or anything a
 * test or benchmark puts in their place.
 *
 * @param clusterVpc the VPC EKS reports for the cluster, when none is configured
 */
public record Gateways(
    ElbGateway elb,
    Ec2Gateway ec2,
    AcmGateway acm,
    TargetNetworkGateway targetNetwork,
    Supplier<Optional<String>> clusterVpc) {

  /** The SDK adapters of {@code clients}, for {@code cluster}. */
  public static Gateways sdk(AwsClients clients, String cluster) {
    return new Gateways(
        new SdkElbGateway(clients.elbv2()),
        new SdkEc2Gateway(clients.ec2()),
        new SdkAcmGateway(clients.acm()),
        new SdkTargetNetworkGateway(clients.ec2(), SdkEc2Gateway.DeletionWait.DEFAULT),
        new EksClusterVpc(clients::eks, cluster));
  }

  /**
   * The same ports with every ELBv2 call going through {@code wrapper}: for benchmarks and tests
   * that count calls or step around an emulator's deviation from AWS.
   */
  public Gateways withElb(UnaryOperator<ElbGateway> wrapper) {
    return new Gateways(wrapper.apply(elb), ec2, acm, targetNetwork, clusterVpc);
  }

  /** Everything tagged for a cluster, read through these ports. */
  public ClusterInventory inventory() {
    return new ClusterInventory(elb, ec2);
  }
}
