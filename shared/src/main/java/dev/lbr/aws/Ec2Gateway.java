package dev.lbr.aws;

import dev.lbr.model.Subnet;
import java.util.List;

/** The EC2 reads model building needs. */
public interface Ec2Gateway {

  /** Every subnet of the VPC, or of the account when {@code vpcId} is null. */
  List<Subnet> subnets(String vpcId);
}
