package dev.lbr.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The most heap a step used: the peaks of the heap pools, reset before the step. An upper bound of
 * what the handler itself needs, since DynamoDB Local runs in the same JVM; it is what the Lambda
 * functions' memory size is chosen from (docs/deploy.md).
 */
final class HeapPeak {
  private HeapPeak() {}

  static void reset() {
    System.gc();
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** MiB: the sum over heap pools of their peak usage since {@link #reset()}. */
  static long mebibytes() {
    return heapPools().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
  }

  private static java.util.stream.Stream<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP);
  }
}
