package dev.lbr.functions.convergence;

import dev.lbr.aws.AwsClients;
import dev.lbr.emulator.EmulatorWorld;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The one VPC every cluster of the suite uses: the emulator world's, with its subnets' cluster tag
 * removed, so that they serve any cluster name (untagged subnets are eligible for every cluster).
 * Found again if an earlier class made it; made again if an emulator reset removed it.
 */
final class SharedVpc {
  private static final String WORLD = "cvworld";

  private SharedVpc() {}

  static String prepare(AwsClients test) {
    EmulatorWorld.World world = EmulatorWorld.prepare(test.ec2(), test.acm(), WORLD);
    List<String> subnets = new ArrayList<>(world.publicSubnetIds());
    subnets.addAll(world.privateSubnetIds());
    test.ec2()
        .deleteTags(
            r ->
                r.resources(subnets)
                    .tags(Tag.builder().key("kubernetes.io/cluster/" + WORLD).build()));
    return world.vpcId();
  }
}
