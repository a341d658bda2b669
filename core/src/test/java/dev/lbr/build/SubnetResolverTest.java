package dev.lbr.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.Subnet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubnetResolverTest {
  private static final String ELB = "kubernetes.io/role/elb";
  private static final String INTERNAL_ELB = "kubernetes.io/role/internal-elb";

  private static List<String> resolve(Fixtures.Svc svc, String scheme, Subnet... subnets) {
    return new SubnetResolver(ServiceContext.of(svc.build(), Fixtures.facts(List.of(subnets))))
        .resolve(scheme);
  }

  @Test
  void theSchemePicksTheRoleTag() {
    Subnet pub = Fixtures.subnet("subnet-pub", "a", Map.of(ELB, "1"));
    Subnet priv = Fixtures.subnet("subnet-priv", "a", Map.of(INTERNAL_ELB, "1"));
    assertThat(resolve(Fixtures.service(), "internet-facing", pub, priv))
        .containsExactly("subnet-pub");
    assertThat(resolve(Fixtures.service(), "internal", pub, priv)).containsExactly("subnet-priv");
  }

  @Test
  void anEmptyRoleTagValueCountsAndOtherValuesDoNot() {
    assertThat(
            resolve(
                Fixtures.service(),
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
    assertThat(resolve(Fixtures.service(), "internal", untagged)).containsExactly("subnet-1");
    assertThat(resolve(Fixtures.service(), "internal", untagged, ours)).containsExactly("subnet-9");
  }

  @Test
  void discoveredSubnetsAreSortedById() {
    assertThat(
            resolve(
                Fixtures.service(),
                "internal",
                Fixtures.subnet("subnet-c", "a", Map.of(INTERNAL_ELB, "1")),
                Fixtures.subnet("subnet-a", "c", Map.of(INTERNAL_ELB, "1")),
                Fixtures.subnet("subnet-b", "b", Map.of(INTERNAL_ELB, "1"))))
        .containsExactly("subnet-a", "subnet-b", "subnet-c");
  }

  @Test
  void explicitSubnetsIgnoreRoleTagsAndRepeatedNamesTakeSubnetsInIdOrder() {
    Fixtures.Svc svc =
        Fixtures.service().annotation(ServiceAnnotation.SUBNETS, "shared, shared, subnet-x");
    assertThat(
            resolve(
                svc,
                "internal",
                Fixtures.subnet("subnet-s2", "b", Map.of("Name", "shared")),
                Fixtures.subnet("subnet-s1", "a", Map.of("Name", "shared")),
                Fixtures.subnet("subnet-x", "c", Map.of())))
        .containsExactly("subnet-s1", "subnet-s2", "subnet-x");
  }
}
