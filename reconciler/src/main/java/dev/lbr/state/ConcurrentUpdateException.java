package dev.lbr.state;

/** A conditional write lost against another writer. Retryable. */
public class ConcurrentUpdateException extends RuntimeException {
  public ConcurrentUpdateException(String message) {
    super(message);
  }
}
