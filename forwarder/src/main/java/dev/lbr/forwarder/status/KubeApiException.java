package dev.lbr.forwarder.status;

/** A Kubernetes API call that failed: the HTTP status (0 when the server was not reached). */
public final class KubeApiException extends RuntimeException {
  private final int code;

  public KubeApiException(int code, String message) {
    super(message);
    this.code = code;
  }

  public KubeApiException(String message, Throwable cause) {
    super(message, cause);
    this.code = 0;
  }

  public int code() {
    return code;
  }

  public boolean notFound() {
    return code == 404;
  }

  public boolean conflict() {
    return code == 409;
  }
}
