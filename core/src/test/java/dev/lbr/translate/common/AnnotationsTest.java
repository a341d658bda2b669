package dev.lbr.translate.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.model.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnotationsTest {
  private static final String PREFIX = "service.beta.kubernetes.io/";
  private static final String KEY = PREFIX + "x";

  private static Annotations with(String value) {
    return new Annotations("Service ns/svc", PREFIX, Map.of(KEY, value));
  }

  @Test
  void absentAnnotationsAreEmpty() {
    Annotations a = new Annotations("Service ns/svc", PREFIX, Map.of());
    assertThat(a.string("x")).isEmpty();
    assertThat(a.bool("x")).isEmpty();
    assertThat(a.int32("x")).isEmpty();
    assertThat(a.stringList("x")).isEmpty();
    assertThat(a.stringMap("x")).isEmpty();
    assertThat(a.has("x")).isFalse();
  }

  @Test
  void booleansAcceptGoSpellingsOnly() {
    for (String t : List.of("1", "t", "T", "TRUE", "true", "True")) {
      assertThat(with(t).bool("x")).contains(true);
    }
    for (String f : List.of("0", "f", "F", "FALSE", "false", "False")) {
      assertThat(with(f).bool("x")).contains(false);
    }
    assertThatThrownBy(() -> with("tRuE").bool("x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "Service ns/svc: annotation "
                + KEY
                + ": \"tRuE\" is not a boolean (expected true or false)");
  }

  @Test
  void integersAreSigned32BitDecimals() {
    assertThat(with("42").int32("x")).contains(42);
    assertThat(with("+7").int32("x")).contains(7);
    assertThat(with("-1").int32("x")).contains(-1);
    for (String bad : List.of(" 4", "4.0", "2147483648", "", "٤")) {
      assertThatThrownBy(() -> with(bad).int32("x"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(KEY)
          .hasMessageContaining("is not an integer");
    }
  }

  @Test
  void stringListsTrimAndDropEmptyItems() {
    assertThat(with(" a, b ,,c , ").stringList("x")).contains(List.of("a", "b", "c"));
    assertThat(with("").stringList("x")).contains(List.of());
  }

  @Test
  void stringMapsTrimKeysAndValuesAndKeepEmptyValues() {
    assertThat(with(" a = 1 , b=, c=x=y").stringMap("x"))
        .contains(Map.of("a", "1", "b", "", "c", "x=y"));
    assertThat(with("").stringMap("x")).contains(Map.of());
  }

  @Test
  void stringMapsSplitOnCommasFollowedByAnotherPairOnly() {
    assertThat(with("a=1\\,2,b=3").stringMap("x")).contains(Map.of("a", "1,2", "b", "3"));
    assertThat(with("a=1,").stringMap("x")).contains(Map.of("a", "1,"));
  }

  @Test
  void stringMapsRejectItemsWithoutKeyOrEquals() {
    for (String bad : List.of("a", "a=1,b", "=1", "a=1,=2", ",a=1")) {
      assertThatThrownBy(() -> with(bad).stringMap("x"))
          .as(bad)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(KEY)
          .hasMessageContaining("is not a list of key=value pairs");
    }
  }

  @Test
  void keysWithAPrefixAreSorted() {
    Annotations a =
        new Annotations(
            "Service ns/svc",
            PREFIX,
            Map.of(
                "service.beta.kubernetes.io/actions.UDP-53", "{}",
                "service.beta.kubernetes.io/actions.TCP-80", "{}",
                "other/actions.TCP-81", "{}"));
    assertThat(a.keysStartingWith("actions."))
        .containsExactly(
            "service.beta.kubernetes.io/actions.TCP-80",
            "service.beta.kubernetes.io/actions.UDP-53");
  }
}
