package dev.lbr.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Classifies SDK errors for the reconciler. */
public final class AwsErrors {
  private static final Set<String> RETRYABLE_CODES =
      Set.of(
          "Throttling",
          "ThrottlingException",
          "RequestLimitExceeded",
          "TooManyRequestsException",
          "RequestThrottled",
          "ServiceUnavailable",
          "InternalFailure",
          "RequestTimeout",
          "ResourceInUse",
          "ResourceInUseException",
          "PriorRequestNotComplete",
          "DependencyViolation");

  private AwsErrors() {}

  /** The resource (load balancer, target group, listener, rule, certificate, …) does not exist. */
  public static boolean isNotFound(Throwable e) {
    String code = errorCode(e);
    return code != null && (code.contains("NotFound") || code.equals("ResourceNotFoundException"));
  }

  /**
   * Worth retrying later: throttling, 5xx, I/O problems, a resource still in use (including a
   * security group a deleted load balancer has not released yet).
   */
  public static boolean isRetryable(Throwable e) {
    if (e instanceof AwsServiceException s) {
      return s.isThrottlingException()
          || s.statusCode() >= 500
          || RETRYABLE_CODES.contains(errorCode(s));
    }
    if (e instanceof SdkClientException && causedByIo(e)) {
      return true;
    }
    return e instanceof SdkException sdk && sdk.retryable();
  }

  private static boolean causedByIo(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException || t instanceof UncheckedIOException) {
        return true;
      }
    }
    return false;
  }

  /** The service's error code, e.g. {@code TargetGroupNotFound}, or null. */
  public static String errorCode(Throwable e) {
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
      return s.awsErrorDetails().errorCode();
    }
    return null;
  }
}
