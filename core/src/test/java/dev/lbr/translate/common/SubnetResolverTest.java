package dev.lbr.translate.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.Subnet;
import dev.lbr.translate.service.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubnetResolverTest {
  private static final String ELB = "kubernetes.io/role/elb";
  private static final String INTERNAL_ELB = "kubernetes.io/role/internal-elb";

  private static final String SUBNETS = "service.beta.kubernetes.io/aws-load-balancer-subnets";

  private static SubnetResolver resolver(Subnet... subnets) {
    return new SubnetResolver(Fixtures.facts(List.of(subnets)), "Service default/echo", SUBNETS);
  }

  private static List<String> discover(String scheme, Subnet... subnets) {
    return resolver(subnets).discover(scheme);
  }

  @Test
  void theSchemePicksTheRoleTag() {
    Subnet pub = Fixtures.subnet("subnet-pub", "a", Map.of(ELB, "1"));
    Subnet priv = Fixtures.subnet("subnet-priv", "a", Map.of(INTERNAL_ELB, "1"));
    assertThat(discover("internet-facing", pub, priv)).containsExactly("subnet-pub");
    assertThat(discover("internal", pub, priv)).containsExactly("subnet-priv");
  }

  @Test
  void anEmptyRoleTagValueCountsAndOtherValuesDoNot() {
    assertThat(
            discover(
                "internal",
                Fixtures.subnet("subnet-1", "a", Map.of(INTERNAL_ELB, "")),
                Fixtures.subnet("subnet-2", "b", Map.of(INTERNAL_ELB, "true"))))
        .containsExactly("subnet-1");
  }

  @Test
  void untaggedForAnyClusterIsEligibleAndLosesToOurClusterTagInItsAz() {
    Subnet untagged = Fixtures.subnet("subnet-1", "a", Map.of(INTERNAL_ELB, "1"));
    Subnet ours =
        Fixtures.subnet(
            "subnet-9",
            "a",
            Map.of(INTERNAL_ELB, "1", "kubernetes.io/cluster/my-cluster", "owned"));
    assertThat(discover("internal", untagged)).containsExactly("subnet-1");
    assertThat(discover("internal", untagged, ours)).containsExactly("subnet-9");
  }

  @Test
  void discoveredSubnetsAreSortedById() {
    assertThat(
            discover(
                "internal",
                Fixtures.subnet("subnet-c", "a", Map.of(INTERNAL_ELB, "1")),
                Fixtures.subnet("subnet-a", "c", Map.of(INTERNAL_ELB, "1")),
                Fixtures.subnet("subnet-b", "b", Map.of(INTERNAL_ELB, "1"))))
        .containsExactly("subnet-a", "subnet-b", "subnet-c");
  }

  @Test
  void explicitSubnetsIgnoreRoleTagsAndRepeatedNamesTakeSubnetsInIdOrder() {
    assertThat(
            resolver(
                    Fixtures.subnet("subnet-s2", "b", Map.of("Name", "shared")),
                    Fixtures.subnet("subnet-s1", "a", Map.of("Name", "shared")),
                    Fixtures.subnet("subnet-x", "c", Map.of()))
                .resolveExplicit(List.of("shared", "shared", "subnet-x")))
        .containsExactly("subnet-s1", "subnet-s2", "subnet-x");
  }
}
