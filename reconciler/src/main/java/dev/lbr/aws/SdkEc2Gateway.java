package dev.lbr.aws;

import dev.lbr.model.ActualSecurityGroup;
import dev.lbr.model.SecurityGroupInfo;
import dev.lbr.model.SecurityGroupRule;
import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.model.Subnet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Tag;

/** {@link Ec2Gateway} over the SDK. */
public final class SdkEc2Gateway implements Ec2Gateway {
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

  private final Ec2Client ec2;
  private final Ec2SecurityGroups securityGroups;

  public SdkEc2Gateway(Ec2Client ec2) {
    this(ec2, DeletionWait.DEFAULT);
  }

  public SdkEc2Gateway(Ec2Client ec2, DeletionWait deletionWait) {
    this.ec2 = ec2;
    this.securityGroups = new Ec2SecurityGroups(ec2, new InUseRetry(deletionWait));
  }

  @Override
  public List<Subnet> subnets(String vpcId) {
    List<Subnet> subnets = new ArrayList<>();
    ec2.describeSubnetsPaginator(
            r -> {
              if (vpcId != null) {
                r.filters(Filter.builder().name("vpc-id").values(vpcId).build());
              }
            })
        .subnets()
        .forEach(s -> subnets.add(toModel(s)));
    return subnets;
  }

  @Override
  public List<SecurityGroupInfo> securityGroups(String vpcId) {
    return securityGroups.inVpc(vpcId);
  }

  @Override
  public List<ActualSecurityGroup> securityGroupsTagged(Map<String, String> tags) {
    return securityGroups.tagged(tags);
  }

  @Override
  public String createSecurityGroup(SecurityGroupSpec spec) {
    return securityGroups.create(spec);
  }

  @Override
  public void authorizeIngress(String groupId, List<SecurityGroupRule> rules) {
    securityGroups.authorize(groupId, rules);
  }

  @Override
  public void revokeIngress(String groupId, List<SecurityGroupRule> rules) {
    securityGroups.revoke(groupId, rules);
  }

  @Override
  public void addTags(String resourceId, Map<String, String> tags) {
    securityGroups.addTags(resourceId, tags);
  }

  @Override
  public void removeTags(String resourceId, Set<String> keys) {
    securityGroups.removeTags(resourceId, keys);
  }

  @Override
  public void deleteSecurityGroup(String groupId) {
    securityGroups.delete(groupId);
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
