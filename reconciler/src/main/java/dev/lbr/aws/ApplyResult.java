package dev.lbr.aws;

import java.util.Map;

/**
 * What a stack owns after a plan was applied, and what it cost.
 *
 * @param resources resource key → ARN: {@code LoadBalancer}, each target group's resource id,
 *     {@code listener/<port>}
 * @param calls the number of mutating ELBv2 calls made
 */
public record ApplyResult(Map<String, String> resources, int calls) {
  public ApplyResult {
    resources = Map.copyOf(resources);
  }
}
