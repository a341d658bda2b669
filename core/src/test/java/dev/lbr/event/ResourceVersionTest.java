package dev.lbr.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourceVersionTest {

  @Test
  void comparesAsNumbersNotAsText() {
    assertThat(ResourceVersion.compare("10", "9")).isPositive();
    assertThat(ResourceVersion.isNewer("1000", "999")).isTrue();
  }

  @Test
  void equalVersionsAreNotNewerSoDuplicatesAreNoOps() {
    assertThat(ResourceVersion.compare("1001", "1001")).isZero();
    assertThat(ResourceVersion.isNewer("1001", "1001")).isFalse();
  }

  @Test
  void ignoresLeadingZerosAndHandlesNumbersBeyondLong() {
    assertThat(ResourceVersion.compare("0042", "42")).isZero();
    assertThat(ResourceVersion.compare("99999999999999999999999", "100000000000000000000000"))
        .isNegative();
  }

  @Test
  void acceptsOnlyDigits() {
    assertThat(ResourceVersion.isValid("123")).isTrue();
    assertThat(ResourceVersion.isValid("")).isFalse();
    assertThat(ResourceVersion.isValid(null)).isFalse();
    assertThat(ResourceVersion.isValid("-1")).isFalse();
    assertThat(ResourceVersion.isValid("１２")).as("full-width digits").isFalse();
    assertThatThrownBy(() -> ResourceVersion.compare("abc", "1")).hasMessageContaining("'abc'");
  }
}
