package dev.lbr.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Cidr}: what covers what when a network is prepared. */
class CidrTest {

  @ParameterizedTest(name = "{0} contains {1}: {2}, overlaps: {3}")
  @CsvSource({
    "192.168.0.0/16, 192.168.100.0/24, true, true",
    "192.168.100.0/24, 192.168.0.0/16, false, true",
    "192.168.0.0/19, 192.168.100.0/24, false, false",
    "192.168.0.0/19, 192.168.1.187, true, true",
    "10.0.0.0/16, 10.0.0.0/16, true, true",
    "10.0.0.0/8, 192.168.0.0/16, false, false",
    "0.0.0.0/0, 203.0.113.9, true, true"
  })
  void containmentAndOverlap(String a, String b, boolean contains, boolean overlaps) {
    assertThat(Cidr.parse(a).contains(Cidr.parse(b))).isEqualTo(contains);
    assertThat(Cidr.parse(a).overlaps(Cidr.parse(b))).isEqualTo(overlaps);
  }

  @ParameterizedTest
  @CsvSource({"192.168.7.9/24, 192.168.7.0/24", "10.1.2.3, 10.1.2.3/32"})
  void aBlockIsNormalisedToItsBase(String text, String normalised) {
    assertThat(Cidr.parse(text)).hasToString(normalised);
  }
}
