package dev.lbr.aws;

import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * What the resource calls of {@link SdkElbGateway} (load balancers, target groups, listeners)
 * share: the client, the tag reader and the page size.
 */
abstract class ElbCalls {
  /** The largest page the Describe calls return. */
  static final int PAGE_SIZE = 400;

  final ElasticLoadBalancingV2Client elb;
  final ElbTags tags;

  ElbCalls(ElasticLoadBalancingV2Client elb, ElbTags tags) {
    this.elb = elb;
    this.tags = tags;
  }
}
