package dev.lbr.functions;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Simulates a reconcile killed between two AWS calls: fails the n-th mutating ELBv2 call (or, with
 * {@link #withEc2}, the n-th mutating ELBv2 or EC2 call).
 */
final class CrashAfter implements ExecutionInterceptor {
  private int remaining = -1;
  private boolean ec2;

  /** Counts mutating EC2 calls too (security groups and their rules). */
  CrashAfter withEc2() {
    ec2 = true;
    return this;
  }

  /** Let {@code calls} mutating ELBv2 calls through, then fail the next one (once). */
  void arm(int calls) {
    remaining = calls;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    String name = service == null ? "" : service.toLowerCase();
    boolean mutating =
        (name.contains("elasticloadbalancing") || (ec2 && name.equals("ec2")))
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
