package dev.lbr.event;

import java.util.Arrays;
import java.util.Optional;

/** What happened to an object: it exists with this content, or it is gone. */
public enum Operation {
  UPSERT("upsert"),
  DELETE("delete");

  private final String wireName;

  Operation(String wireName) {
    this.wireName = wireName;
  }

  /** The value of {@code detail.operation}. */
  public String wireName() {
    return wireName;
  }

  public static Optional<Operation> fromWireName(String name) {
    return Arrays.stream(values()).filter(o -> o.wireName.equals(name)).findFirst();
  }
}
