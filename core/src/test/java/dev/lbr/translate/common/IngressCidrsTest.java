package dev.lbr.translate.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CIDR syntax check behind {@code inbound-cidrs} (Go's {@code net.ParseCIDR}). */
class IngressCidrsTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "0.0.0.0/0",
        "10.0.0.0/8",
        "192.168.1.1/32",
        "::/0",
        "2001:db8::/32",
        "fd00::10/128",
        "2001:db8:0:0:0:0:0:1/64",
        "::ffff:192.0.2.1/128",
        "1::/16"
      })
  void acceptsCidrs(String cidr) {
    assertThat(Cidrs.isValid(cidr)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "10.0.0.0",
        "10.0.0.0/33",
        "256.0.0.0/8",
        "10.0.0/8",
        "example.com/8",
        "::/129",
        "2001:db8::1::/64",
        "2001:db8:0:0:0:0:0:0:1/64",
        "12345::/16",
        "::ffff:300.0.2.1/128",
        "10.0.0.0/-1",
        "10.0.0.0/"
      })
  void rejectsAnythingElse(String cidr) {
    assertThat(Cidrs.isValid(cidr)).isFalse();
  }
}
