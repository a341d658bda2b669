package dev.lbr.model;

/**
 * The user's objects ask for something we cannot build. Not retried: the message is recorded on the
 * stack and nothing is changed. The message names the object and, where there is one, the
 * annotation at fault.
 */
public class InvalidInputException extends RuntimeException {
  private final String object;
  private final String annotation;

  public InvalidInputException(String object, String annotation, String problem) {
    super(object + (annotation == null ? "" : ": annotation " + annotation) + ": " + problem);
    this.object = object;
    this.annotation = annotation;
  }

  /** e.g. {@code Service default/echo}. */
  public String object() {
    return object;
  }

  /** The annotation at fault, or null. */
  public String annotation() {
    return annotation;
  }
}
