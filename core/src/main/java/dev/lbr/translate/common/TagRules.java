package dev.lbr.translate.common;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The tags ELBv2 and EC2 take: keys of 1–128 characters, values of at most 256, both made of
 * letters, digits, spaces and {@code _ . : / = + - @} (ELBv2's {@code Tag} pattern), at most 50 per
 * resource, the controller's own tags included.
 */
public final class TagRules {
  static final int KEY_LENGTH = 128;
  static final int VALUE_LENGTH = 256;
  private static final Pattern CHARS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
  private static final String ALLOWED = "letters, digits, spaces and _ . : / = + - @";

  private TagRules() {}

  /**
   * The first problem of {@code userTags} (keys in order), or empty; {@code ownTags} is the number
   * of tags the controller adds to every resource.
   */
  public static Optional<String> check(Map<String, String> userTags, int ownTags) {
    int max = ElbLimits.TAGS_PER_RESOURCE - ownTags;
    if (userTags.size() > max) {
      return Optional.of(
          userTags.size()
              + " tags, but a resource takes at most "
              + ElbLimits.TAGS_PER_RESOURCE
              + " and the controller sets "
              + ownTags
              + ": at most "
              + max
              + " user tags");
    }
    for (Map.Entry<String, String> e : new TreeMap<>(userTags).entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      if (key.isEmpty() || key.length() > KEY_LENGTH) {
        return Optional.of("tag key \"" + key + "\" must be 1 to " + KEY_LENGTH + " characters");
      }
      if (!CHARS.matcher(key).matches()) {
        return Optional.of("tag key \"" + key + "\" may contain only " + ALLOWED);
      }
      if (value.length() > VALUE_LENGTH) {
        return Optional.of(
            "the value of tag " + key + " is longer than " + VALUE_LENGTH + " characters");
      }
      if (!CHARS.matcher(value).matches()) {
        return Optional.of(
            "the value \"" + value + "\" of tag " + key + " may contain only " + ALLOWED);
      }
    }
    return Optional.empty();
  }
}
