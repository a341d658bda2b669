package dev.lbr.event;

/**
 * An event that breaks the contract. Never retried: the same bytes fail the same way. The message
 * names the event's kind and key when they could be read, e.g. {@code invalid event [Service
 * default/echo]: missing required field detail.resourceVersion}.
 */
public class InvalidEventException extends RuntimeException {
  private final String subject;
  private final String problem;

  /**
   * @param subject what the event is about, as far as known: {@code Service default/echo}, {@code
   *     Service}, {@code Inventory} or {@code unknown}
   */
  public InvalidEventException(String subject, String problem) {
    this(subject, problem, null);
  }

  public InvalidEventException(String subject, String problem, Throwable cause) {
    super("invalid event [" + subject + "]: " + problem, cause);
    this.subject = subject;
    this.problem = problem;
  }

  /** What the event is about, as far as it could be read. */
  public String subject() {
    return subject;
  }

  /** What is wrong, without the subject. */
  public String problem() {
    return problem;
  }
}
