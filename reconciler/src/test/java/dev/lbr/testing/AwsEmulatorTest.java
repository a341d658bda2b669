package dev.lbr.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AwsEmulatorTest {

  @Test
  void anUnknownSettingFailsWithTheChoices() {
    assertThatThrownBy(() -> AwsEmulator.start("ftp://example"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("LBR_TEST_ENDPOINT=ftp://example")
        .hasMessageContaining("moto, localstack or an http(s):// URL");
  }
}
