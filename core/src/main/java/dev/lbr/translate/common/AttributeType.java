package dev.lbr.translate.common;

import java.util.List;

/**
 * The value an ELBv2 attribute takes: a boolean, an integer in a range, one of some words, text.
 */
sealed interface AttributeType {

  boolean accepts(String value);

  /** What is allowed, for the error message. */
  String expected();

  static AttributeType bool() {
    return new OneOf(List.of("true", "false"));
  }

  static Range range(long min, long max) {
    return new Range(min, max, List.of());
  }

  static AttributeType oneOf(String... words) {
    return new OneOf(List.of(words));
  }

  static AttributeType text() {
    return new Text();
  }

  /** An integer in [min, max], or one of {@code words}. */
  record Range(long min, long max, List<String> words) implements AttributeType {
    Range or(String... more) {
      return new Range(min, max, List.of(more));
    }

    @Override
    public boolean accepts(String value) {
      if (words.contains(value)) {
        return true;
      }
      if (!value.matches("-?[0-9]{1,18}")) {
        return false;
      }
      long n = Long.parseLong(value);
      return n >= min && n <= max;
    }

    @Override
    public String expected() {
      String range = "an integer from " + min + " to " + max;
      return words.isEmpty() ? range : range + " or " + String.join(", ", words);
    }
  }

  /**
   * One of a fixed set of words (booleans: {@code true} or {@code false}, as ELBv2 spells them).
   */
  record OneOf(List<String> words) implements AttributeType {
    @Override
    public boolean accepts(String value) {
      return words.contains(value);
    }

    @Override
    public String expected() {
      return "one of " + words;
    }
  }

  /** Free text (a bucket name, a prefix, a cookie name): anything but control characters. */
  record Text() implements AttributeType {
    @Override
    public boolean accepts(String value) {
      return value.chars().noneMatch(Character::isISOControl);
    }

    @Override
    public String expected() {
      return "text without control characters";
    }
  }

  /** Slow start: 0 (off) or 30–900 seconds. */
  record SlowStart() implements AttributeType {
    @Override
    public boolean accepts(String value) {
      return value.equals("0") || range(30, 900).accepts(value);
    }

    @Override
    public String expected() {
      return "0 (off) or an integer from 30 to 900";
    }
  }
}
