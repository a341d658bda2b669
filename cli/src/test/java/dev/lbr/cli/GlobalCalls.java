package dev.lbr.cli;

import dev.lbr.aws.CallCounter;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts every SDK call of the test JVM, including those of the clients a command builds for
 * itself: the SDK loads it as a global interceptor, named in {@code
 * software/amazon/awssdk/global/handlers/execution.interceptors} on the test classpath.
 */
public final class GlobalCalls implements ExecutionInterceptor {
  static final CallCounter CALLS = new CallCounter();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    CALLS.beforeExecution(context, attributes);
  }
}
