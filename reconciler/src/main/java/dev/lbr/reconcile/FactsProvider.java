package dev.lbr.reconcile;

import dev.lbr.aws.Ec2Gateway;
import dev.lbr.model.ClusterFacts;
import dev.lbr.model.InvalidInputException;
import dev.lbr.model.Subnet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads the facts model building needs (the cluster's VPC: configured, else EKS's answer, else the
 * one whose subnets carry the cluster tag; its subnets and security groups) and keeps them for a
 * while, like LBC's VPC and subnet caches: a warm Lambda container does not ask EC2 again.
 */
public final class FactsProvider {
  private final Ec2Gateway ec2;
  private final String cluster;
  private final String region;
  private final String configuredVpcId;
  private final Supplier<Optional<String>> eksVpc;
  private final Clock clock;
  private final Duration ttl;
  private ClusterFacts cached;
  private Instant cachedAt;

  public FactsProvider(
      Ec2Gateway ec2, String cluster, String region, String vpcId, Clock clock, Duration ttl) {
    this(ec2, cluster, region, vpcId, Optional::empty, clock, ttl);
  }

  /**
   * @param eksVpc the cluster's VPC as EKS reports it, asked when {@code vpcId} is null (empty: EKS
   *     could not tell; the subnets' cluster tags decide)
   */
  public FactsProvider(
      Ec2Gateway ec2,
      String cluster,
      String region,
      String vpcId,
      Supplier<Optional<String>> eksVpc,
      Clock clock,
      Duration ttl) {
    this.eksVpc = eksVpc;
    this.ec2 = ec2;
    this.cluster = cluster;
    this.region = region;
    this.configuredVpcId = vpcId;
    this.clock = clock;
    this.ttl = ttl;
  }

  public synchronized ClusterFacts get() {
    Instant now = clock.instant();
    if (cached == null || cachedAt.plus(ttl).isBefore(now)) {
      cached = read();
      cachedAt = now;
    }
    return cached;
  }

  /** Forgets the cached facts (the drift run and tests read fresh ones). */
  public synchronized void invalidate() {
    cached = null;
  }

  private ClusterFacts read() {
    String known = configuredVpcId != null ? configuredVpcId : eksVpc.get().orElse(null);
    List<Subnet> subnets = ec2.subnets(known);
    String vpcId = known != null ? known : inferVpc(subnets);
    List<Subnet> inVpc = subnets.stream().filter(s -> vpcId.equals(s.vpcId())).toList();
    return new ClusterFacts(cluster, region, vpcId, inVpc, ec2.securityGroups(vpcId));
  }

  /** Without a configured VPC, the cluster's VPC is the one whose subnets carry its cluster tag. */
  private String inferVpc(List<Subnet> subnets) {
    String tag = "kubernetes.io/cluster/" + cluster;
    Set<String> vpcs =
        subnets.stream()
            .filter(s -> s.tags().containsKey(tag))
            .map(Subnet::vpcId)
            .collect(Collectors.toSet());
    if (vpcs.size() != 1) {
      throw new InvalidInputException(
          "cluster " + cluster,
          null,
          "cannot determine the cluster's VPC: "
              + (vpcs.isEmpty() ? "no subnet is" : "subnets in " + vpcs.size() + " VPCs are")
              + " tagged "
              + tag
              + "; set the VPC id in the configuration (VPC_ID / --vpc-id)");
    }
    return vpcs.iterator().next();
  }
}
