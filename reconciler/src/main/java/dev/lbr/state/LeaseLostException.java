package dev.lbr.state;

import dev.lbr.model.StackId;

/**
 * A pass lost its stack's lease while it ran (a heartbeat found it taken, or none succeeded in
 * time) and was stopped before its next mutating call. Retryable: the message is retried, and the
 * next pass reads everything back and converges.
 */
public class LeaseLostException extends RuntimeException {
  private final StackId stackId;

  public LeaseLostException(StackId stackId, String reason) {
    super("stack " + stackId + ": lease lost (" + reason + "); stopped before the next change");
    this.stackId = stackId;
  }

  public StackId stackId() {
    return stackId;
  }
}
