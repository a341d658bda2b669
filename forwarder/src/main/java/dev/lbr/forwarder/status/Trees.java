package dev.lbr.forwarder.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** JSON comparison that ignores number representation (an int read back equals a long written). */
final class Trees {
  private Trees() {}

  private static final Comparator<JsonNode> VALUES =
      (a, b) ->
          a.equals(b)
                  || (a.isNumber()
                      && b.isNumber()
                      && a.decimalValue().compareTo(b.decimalValue()) == 0)
              ? 0
              : 1;

  static boolean same(JsonNode a, JsonNode b) {
    return a.equals(VALUES, b);
  }
}
