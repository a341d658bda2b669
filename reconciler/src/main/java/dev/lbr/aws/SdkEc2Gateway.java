package dev.lbr.aws;

import static dev.lbr.aws.Ec2TargetHolders.inVpc;
import static dev.lbr.aws.Ec2TargetHolders.unlessEmpty;

import dev.lbr.model.Subnet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Tag;

/** {@link Ec2Gateway} over the SDK: the subnets, and the security group calls it inherits. */
public final class SdkEc2Gateway extends Ec2SecurityGroups implements Ec2Gateway {
  /**
   * How long {@link #deleteSecurityGroup} keeps retrying a group still in use.
   *
   * @param timeout how long to keep retrying after the first refusal
   * @param firstPause the pause after the first refusal, doubled after each further one
   * @param maxPause the longest pause
   */
  public record DeletionWait(Duration timeout, Duration firstPause, Duration maxPause) {
    /**
     * Two minutes, polling from every 2 s: LBC polls every 2 s, for 2 minutes for its backend group
     * and 10 s for a managed frontend group (then requeues).
     */
    public static final DeletionWait DEFAULT =
        new DeletionWait(Duration.ofMinutes(2), Duration.ofSeconds(2), Duration.ofSeconds(10));
  }

  public SdkEc2Gateway(Ec2Client ec2) {
    this(ec2, DeletionWait.DEFAULT);
  }

  public SdkEc2Gateway(Ec2Client ec2, DeletionWait deletionWait) {
    super(ec2, new InUseRetry(deletionWait));
  }

  @Override
  public List<Subnet> subnets(String vpcId) {
    List<Subnet> subnets = new ArrayList<>();
    ec2.describeSubnetsPaginator(r -> r.filters(unlessEmpty(inVpc(vpcId))))
        .subnets()
        .forEach(s -> subnets.add(toModel(s)));
    return subnets;
  }

  private static Subnet toModel(software.amazon.awssdk.services.ec2.model.Subnet s) {
    Map<String, String> tags = KeyValues.toMap(s.tags(), Tag::key, Tag::value);
    return new Subnet(
        s.subnetId(),
        s.vpcId(),
        s.availabilityZone(),
        s.cidrBlock(),
        s.availableIpAddressCount() == null ? 0 : s.availableIpAddressCount(),
        tags);
  }
}
