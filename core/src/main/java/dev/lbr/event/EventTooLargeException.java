package dev.lbr.event;

/**
 * An event over {@link EventContract#MAX_EVENT_BYTES}. Its own type so the forwarder can tell it
 * apart: such an object has to travel by reference instead (see {@code docs/event-contract.md}).
 */
public class EventTooLargeException extends InvalidEventException {
  private final int sizeBytes;

  public EventTooLargeException(String subject, int sizeBytes) {
    super(
        subject,
        "event is "
            + sizeBytes
            + " bytes, over the limit of "
            + EventContract.MAX_EVENT_BYTES
            + " bytes");
    this.sizeBytes = sizeBytes;
  }

  public int sizeBytes() {
    return sizeBytes;
  }
}
