package dev.lbr.translate.ingress;

import dev.lbr.model.ClusterFacts;
import dev.lbr.model.SecurityGroupInfo;
import dev.lbr.model.Subnet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The AWS facts of the Ingress builder tests: a VPC laid out like the scenario runner's (three
 * public subnets tagged {@code kubernetes.io/role/elb=1}, three private ones tagged {@code
 * kubernetes.io/role/internal-elb=1}, all tagged for the cluster) and two named security groups.
 */
final class IngressFixtures {
  static final String CLUSTER = "my-cluster";
  static final String VPC = "vpc-0example";

  private IngressFixtures() {}

  static ClusterFacts facts() {
    return facts(subnets());
  }

  static ClusterFacts facts(List<Subnet> subnets) {
    return new ClusterFacts(
        CLUSTER,
        "ap-northeast-2",
        VPC,
        subnets,
        List.of(
            new SecurityGroupInfo("sg-0web", "web", VPC),
            new SecurityGroupInfo("sg-0admin", "admin", VPC),
            new SecurityGroupInfo("sg-0other", "web", "vpc-other")));
  }

  static List<Subnet> subnets() {
    List<Subnet> subnets = new ArrayList<>();
    for (String az : List.of("a", "b", "c")) {
      subnets.add(subnet("subnet-public-" + az, az, "kubernetes.io/role/elb", "public-" + az));
      subnets.add(
          subnet("subnet-private-" + az, az, "kubernetes.io/role/internal-elb", "private-" + az));
    }
    return subnets;
  }

  static Subnet subnet(String id, String az, String roleTag, String name) {
    return new Subnet(
        id,
        VPC,
        "ap-northeast-2" + az,
        "192.168.0.0/19",
        250,
        Map.of(roleTag, "1", "kubernetes.io/cluster/" + CLUSTER, "shared", "Name", name));
  }
}
