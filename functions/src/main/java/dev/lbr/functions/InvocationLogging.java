package dev.lbr.functions;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.function.Supplier;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Runs one invocation with Powertools' Lambda fields (request id, function name and version, cold
 * start) on every log line. Without a Lambda context ({@code lbr serve}, benchmarks) the body just
 * runs: Powertools is an optional dependency that only the Lambda jar carries, and its class is
 * never loaded on that path.
 */
final class InvocationLogging {
  private InvocationLogging() {}

  static <T> T around(Context context, Supplier<T> body) {
    return context == null ? body.get() : PowertoolsLogging.withLogging(context, body);
  }
}
