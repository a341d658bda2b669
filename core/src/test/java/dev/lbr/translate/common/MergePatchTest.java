package dev.lbr.translate.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Examples from RFC 7396, section 3 and appendix A. */
class MergePatchTest {

  private static String apply(String target, String patch) {
    return MergePatch.apply(StackJson.parse(target), StackJson.parse(patch)).toString();
  }

  @Test
  void objectsMergeNullDeletesAndArraysReplace() {
    assertThat(
            apply(
                "{\"a\":\"b\",\"c\":{\"d\":\"e\",\"f\":\"g\"},\"l\":[1,2]}",
                "{\"a\":\"z\",\"c\":{\"f\":null},\"l\":[3]}"))
        .isEqualTo("{\"a\":\"z\",\"c\":{\"d\":\"e\"},\"l\":[3]}");
  }

  @Test
  void aNonObjectPatchReplacesTheTarget() {
    assertThat(apply("{\"a\":\"b\"}", "[\"c\"]")).isEqualTo("[\"c\"]");
    assertThat(apply("[1]", "{\"a\":{\"b\":null}}")).isEqualTo("{\"a\":{}}");
  }
}
