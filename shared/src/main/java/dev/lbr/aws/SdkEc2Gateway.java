package dev.lbr.aws;

import dev.lbr.model.Subnet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

/** {@link Ec2Gateway} over the SDK. */
public final class SdkEc2Gateway implements Ec2Gateway {
  private final Ec2Client ec2;

  public SdkEc2Gateway(Ec2Client ec2) {
    this.ec2 = ec2;
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

  private static Subnet toModel(software.amazon.awssdk.services.ec2.model.Subnet s) {
    Map<String, String> tags = new TreeMap<>();
    s.tags().forEach(t -> tags.put(t.key(), t.value() == null ? "" : t.value()));
    return new Subnet(
        s.subnetId(),
        s.vpcId(),
        s.availabilityZone(),
        s.cidrBlock(),
        s.availableIpAddressCount() == null ? 0 : s.availableIpAddressCount(),
        tags);
  }
}
