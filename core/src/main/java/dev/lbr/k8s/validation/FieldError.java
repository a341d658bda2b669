package dev.lbr.k8s.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One thing wrong with an object, at one field, in the API server's style: {@code
 * spec.ports[0].port: 70000 must be between 1 and 65535}.
 *
 * @param path the field's path inside the object, e.g. {@code spec.ports[0].port}
 * @param problem what is wrong with it, naming the value
 */
public record FieldError(String path, String problem) {

  @Override
  public String toString() {
    return path + ": " + problem;
  }

  /** Several errors as one line, in the order found. */
  public static String join(List<FieldError> errors) {
    return errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
  }
}
