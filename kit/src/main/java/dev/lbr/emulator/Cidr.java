package dev.lbr.emulator;

/** An IPv4 block ({@code 192.168.0.0/16}): containment and overlap, for preparing a network. */
record Cidr(long base, int prefix) {
  Cidr {
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException("prefix /" + prefix + " is not an IPv4 prefix");
    }
    base = base & mask(prefix);
  }

  /** {@code a.b.c.d/n}; a bare address is its /32. */
  static Cidr parse(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    int prefix = slash < 0 ? 32 : Integer.parseInt(text.substring(slash + 1));
    String[] octets = address.split("\\.");
    if (octets.length != 4) {
      throw new IllegalArgumentException(text + " is not an IPv4 address or block");
    }
    long value = 0;
    for (String octet : octets) {
      int n = Integer.parseInt(octet);
      if (n < 0 || n > 255) {
        throw new IllegalArgumentException(text + " is not an IPv4 address or block");
      }
      value = (value << 8) | n;
    }
    return new Cidr(value, prefix);
  }

  boolean contains(Cidr other) {
    return other.prefix >= prefix && (other.base & mask(prefix)) == base;
  }

  boolean overlaps(Cidr other) {
    return contains(other) || other.contains(this);
  }

  private static long mask(int prefix) {
    return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
  }

  @Override
  public String toString() {
    return (base >> 24 & 255)
        + "."
        + (base >> 16 & 255)
        + "."
        + (base >> 8 & 255)
        + "."
        + (base & 255)
        + "/"
        + prefix;
  }
}
