package dev.lbr.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpPrefixesTest {

  @ParameterizedTest(name = "{0} in {1}: {2}")
  @CsvSource({
    "10.0.3.16/28, 10.0.3.16, true",
    "10.0.3.16/28, 10.0.3.31, true",
    "10.0.3.16/28, 10.0.3.32, false",
    "10.0.3.16/28, 10.0.3.15, false",
    "2600:1f14:aa:bb00:1::/80, 2600:1f14:aa:bb00:1:0:0:7, true",
    "2600:1f14:aa:bb00:1::/80, 2600:1f14:aa:bb00:1:ffff:ffff:ffff, true",
    "2600:1f14:aa:bb00:1::/80, 2600:1f14:aa:bb00:2::7, false",
    "2600:1F14:AA:BB00:1::/80, 2600:1f14:aa:bb00:1::7, true",
    "10.0.3.16/28, 2600:1f14:aa:bb00:1::7, false",
    "2600:1f14:aa:bb00:1::/80, 10.0.3.17, false",
    "10.0.3.16, 10.0.3.16, false",
    "10.0.3.16/x, 10.0.3.16, false",
    "10.0.3.16/28, pod.example.com, false",
  })
  void aPrefixHoldsTheAddressesItCovers(String cidr, String ip, boolean held) {
    assertThat(IpPrefixes.contains(cidr, ip)).isEqualTo(held);
  }

  @ParameterizedTest(name = "{0} is in {1}")
  @CsvSource({
    "10.0.3.20, 10.0.3.16/28",
    "10.0.3.255, 10.0.3.240/28",
    "2600:1f14:aa:bb00:1:2:3:4, 2600:1f14:aa:bb00:1::/80",
    "2600:1f14:0:0:9d3a:1::, 2600:1f14:0:0:9d3a::/80",
    "2600:1f14:aa:bb00::5, 2600:1f14:aa:bb00::/80",
    "2600:0:0:1:0:0:0:1, 2600:0:0:1::/80",
  })
  void theDelegatedPrefixAroundAnAddressIsSpeltAsEc2PrintsIt(String ip, String prefix) {
    assertThat(IpPrefixes.delegatedPrefix(ip)).hasValue(prefix);
  }

  @ParameterizedTest(name = "{0} is spelt {1}")
  @CsvSource({
    "2600:1F14:00AA:BB00:0000:0000:0000:0007, 2600:1f14:aa:bb00::7",
    "2600:0:0:1:0:0:0:1, 2600:0:0:1::1",
    "fd00:0:0:0:1:0:0:0, fd00::1:0:0:0",
    "192.168.1.187, 192.168.1.187",
  })
  void addressesHaveOneSpelling(String ip, String canonical) {
    assertThat(IpPrefixes.canonical(ip)).hasValue(canonical);
  }
}
