package dev.lbr.k8s.validation;

import java.util.Optional;

/**
 * IP address and CIDR syntax, parsed here (never through {@code InetAddress}, which may resolve a
 * name over the network). IPv4 is a dotted quad without leading zeros; IPv6 is RFC 4291 text
 * without a zone. Both give the address bytes (4 or 16).
 */
final class IpAddresses {
  private IpAddresses() {}

  /** The 4 bytes of a dotted-quad IPv4 address, or empty. */
  static Optional<byte[]> ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty()
          || part.length() > 3
          || !part.chars().allMatch(c -> c >= '0' && c <= '9')
          || (part.length() > 1 && part.charAt(0) == '0')) {
        return Optional.empty();
      }
      int value = Integer.parseInt(part);
      if (value > 255) {
        return Optional.empty();
      }
      out[i] = (byte) value;
    }
    return Optional.of(out);
  }

  /** The 16 bytes of an IPv6 address (an embedded dotted quad allowed at the end), or empty. */
  static Optional<byte[]> ipv6(String text) {
    if (text.isEmpty() || !text.contains(":") || text.contains("%")) {
      return Optional.empty();
    }
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return Optional.empty();
    }
    String head = gap >= 0 ? text.substring(0, gap) : text;
    String tail = gap >= 0 ? text.substring(gap + 2) : "";
    byte[] headBytes = groups(head, gap < 0);
    byte[] tailBytes = groups(tail, true);
    if (headBytes == null || tailBytes == null) {
      return Optional.empty();
    }
    int used = headBytes.length + tailBytes.length;
    if (gap < 0 ? used != 16 : used > 14) {
      return Optional.empty();
    }
    byte[] out = new byte[16];
    System.arraycopy(headBytes, 0, out, 0, headBytes.length);
    System.arraycopy(tailBytes, 0, out, 16 - tailBytes.length, tailBytes.length);
    return Optional.of(out);
  }

  /** Whether {@code text} is an IP address of either family. */
  static boolean isIp(String text) {
    return ipv4(text).isPresent() || ipv6(text).isPresent();
  }

  /** The problem with a CIDR ({@code 10.0.0.0/16}, {@code 2001:db8::/32}), or empty. */
  static Optional<String> cidr(String text) {
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    if (slash > 0 && slash < trimmed.length() - 1) {
      String address = trimmed.substring(0, slash);
      String prefix = trimmed.substring(slash + 1);
      int bits = ipv4(address).isPresent() ? 32 : ipv6(address).isPresent() ? 128 : -1;
      if (bits > 0
          && prefix.length() <= 3
          && prefix.chars().allMatch(c -> c >= '0' && c <= '9')
          && (prefix.length() == 1 || prefix.charAt(0) != '0')
          && Integer.parseInt(prefix) <= bits) {
        return Optional.empty();
      }
    }
    return Syntax.problem(text, "must be a CIDR, e.g. 10.0.0.0/16 or 2001:db8::/32");
  }

  /**
   * Why an endpoint may not have this address, if it is special: unspecified, loopback, link-local
   * or link-local multicast (the API server refuses these for endpoints).
   */
  static Optional<String> special(byte[] ip) {
    if (ip.length == 4) {
      int a = ip[0] & 0xff;
      int b = ip[1] & 0xff;
      int c = ip[2] & 0xff;
      if (a == 0 && b == 0 && c == 0 && ip[3] == 0) {
        return Optional.of("the unspecified address");
      }
      if (a == 127) {
        return Optional.of("a loopback address (127.0.0.0/8)");
      }
      if (a == 169 && b == 254) {
        return Optional.of("a link-local address (169.254.0.0/16)");
      }
      if (a == 224 && b == 0 && c == 0) {
        return Optional.of("a link-local multicast address (224.0.0.0/24)");
      }
      return Optional.empty();
    }
    boolean zeroHead = true;
    for (int i = 0; i < 15; i++) {
      zeroHead &= ip[i] == 0;
    }
    if (zeroHead && ip[15] == 0) {
      return Optional.of("the unspecified address");
    }
    if (zeroHead && ip[15] == 1) {
      return Optional.of("the loopback address (::1)");
    }
    int first = ip[0] & 0xff;
    int second = ip[1] & 0xff;
    if (first == 0xfe && (second & 0xc0) == 0x80) {
      return Optional.of("a link-local address (fe80::/10)");
    }
    if (first == 0xff && (second & 0x0f) == 0x02) {
      return Optional.of("a link-local multicast address (ff02::/16)");
    }
    return Optional.empty();
  }

  /**
   * Bytes of colon-separated hex groups; the last may be a dotted quad when {@code last}. Empty
   * text is no groups.
   */
  private static byte[] groups(String text, boolean last) {
    if (text.isEmpty()) {
      return new byte[0];
    }
    String[] parts = text.split(":", -1);
    byte[] out = new byte[parts.length * 2 + 2];
    int n = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (last && i == parts.length - 1 && part.contains(".")) {
        Optional<byte[]> v4 = ipv4(part);
        if (v4.isEmpty()) {
          return null;
        }
        System.arraycopy(v4.get(), 0, out, n, 4);
        n += 4;
        continue;
      }
      if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(IpAddresses::isHex)) {
        return null;
      }
      int value = Integer.parseInt(part, 16);
      out[n++] = (byte) (value >> 8);
      out[n++] = (byte) value;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
