package dev.lbr.aws;

import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * The cluster's VPC as EKS knows it ({@code eks:DescribeCluster}), for when none is configured.
 * Anything that keeps EKS from answering (no such cluster, no permission, an endpoint without EKS)
 * gives nothing, and the caller falls back to the subnets' cluster tags.
 */
public final class EksClusterVpc implements Supplier<Optional<String>> {
  private static final Logger LOG = LoggerFactory.getLogger(EksClusterVpc.class);

  private final Supplier<EksClient> eks;
  private final String cluster;

  public EksClusterVpc(Supplier<EksClient> eks, String cluster) {
    this.eks = eks;
    this.cluster = cluster;
  }

  @Override
  public Optional<String> get() {
    try {
      String vpc =
          eks.get().describeCluster(r -> r.name(cluster)).cluster().resourcesVpcConfig().vpcId();
      return Optional.ofNullable(vpc).filter(v -> !v.isBlank());
    } catch (SdkException | NullPointerException e) {
      LOG.atInfo()
          .addKeyValue("cluster", cluster)
          .addKeyValue("error", e.getClass().getSimpleName())
          .addKeyValue("note", "the VPC is found through the subnets' cluster tags")
          .log("eks-describe-cluster-unavailable");
      return Optional.empty();
    }
  }
}
