package dev.lbr.k8s.validation;

/** A value quoted for an error message: JSON-style, control characters escaped, long ones cut. */
final class Quote {
  private static final int MAX = 80;

  private Quote() {}

  static String of(String value) {
    StringBuilder out = new StringBuilder("\"");
    String shown = value.length() > MAX ? value.substring(0, MAX) : value;
    for (char c : shown.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
    if (value.length() > MAX) {
      out.append("… (").append(value.length()).append(" characters)");
    }
    return out.toString();
  }
}
