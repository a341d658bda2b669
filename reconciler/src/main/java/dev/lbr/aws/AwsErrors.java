package dev.lbr.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
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
   * Runs a call that deletes or removes something: "not found" means it is already gone, so done.
   * Any other error propagates.
   */
  public static void ignoringNotFound(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      if (!isNotFound(e)) {
        throw e;
      }
    }
  }

  /**
   * Runs {@code call}; when it fails with the error {@code code}, runs {@code onCode} instead (a
   * retried call's leftovers, a duplicate). Other errors propagate.
   */
  public static void runHandling(String code, Runnable call, Runnable onCode) {
    try {
      call.run();
    } catch (RuntimeException e) {
      if (!code.equals(errorCode(e))) {
        throw e;
      }
      onCode.run();
    }
  }

  /**
   * {@link #runHandling} for a call with a result: {@code onCode}'s when it fails with {@code
   * code}.
   */
  public static <T> T getHandling(String code, Supplier<T> call, Supplier<T> onCode) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      if (!code.equals(errorCode(e))) {
        throw e;
      }
      return onCode.get();
    }
  }

  /** Runs a read: empty when what it reads does not exist (any more). Other errors propagate. */
  public static <T> Optional<T> unlessNotFound(Supplier<T> read) {
    try {
      return Optional.ofNullable(read.get());
    } catch (RuntimeException e) {
      if (isNotFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
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
