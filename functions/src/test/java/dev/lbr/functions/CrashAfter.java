package dev.lbr.functions;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Simulates a reconcile killed between two AWS calls: fails the n-th mutating ELBv2 call. */
final class CrashAfter implements ExecutionInterceptor {
  private int remaining = -1;

  /** Let {@code calls} mutating ELBv2 calls through, then fail the next one (once). */
  void arm(int calls) {
    remaining = calls;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    boolean mutating =
        service != null
            && service.toLowerCase().contains("elasticloadbalancing")
            && !operation.startsWith("Describe");
    if (mutating && remaining >= 0) {
      if (remaining == 0) {
        remaining = -1;
        throw new IllegalStateException("simulated crash before " + operation);
      }
      remaining--;
    }
  }
}
