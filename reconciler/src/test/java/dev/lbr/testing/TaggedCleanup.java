package dev.lbr.testing;

import dev.lbr.aws.AwsClients;
import dev.lbr.aws.AwsErrors;
import dev.lbr.model.Tags;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * Deletes every ELBv2 load balancer and target group carrying the {@code elbv2.k8s.aws/cluster}
 * tag: the reset for emulators without moto's reset API. Test support only.
 */
final class TaggedCleanup {
  private TaggedCleanup() {}

  static void run(URI endpoint, String region) {
    try (AwsClients clients = new AwsClients(AwsClients.Config.endpoint(endpoint, region))) {
      ElasticLoadBalancingV2Client elb = clients.elbv2();
      List<String> lbs =
          elb.describeLoadBalancersPaginator(r -> {}).loadBalancers().stream()
              .map(LoadBalancer::loadBalancerArn)
              .toList();
      for (String arn : tagged(elb, lbs)) {
        elb.deleteLoadBalancer(r -> r.loadBalancerArn(arn));
      }
      List<String> tgs =
          elb.describeTargetGroupsPaginator(r -> {}).targetGroups().stream()
              .map(TargetGroup::targetGroupArn)
              .toList();
      for (String arn : tagged(elb, tgs)) {
        deleteTargetGroup(elb, arn);
      }
    }
  }

  private static List<String> tagged(ElasticLoadBalancingV2Client elb, List<String> arns) {
    List<String> tagged = new ArrayList<>();
    for (int i = 0; i < arns.size(); i += 20) {
      List<String> chunk = arns.subList(i, Math.min(arns.size(), i + 20));
      for (TagDescription d : elb.describeTags(r -> r.resourceArns(chunk)).tagDescriptions()) {
        if (d.tags().stream().anyMatch(t -> t.key().equals(Tags.CLUSTER))) {
          tagged.add(d.resourceArn());
        }
      }
    }
    return tagged;
  }

  /** A target group stays "in use" for a moment after its load balancer is deleted. */
  private static void deleteTargetGroup(ElasticLoadBalancingV2Client elb, String arn) {
    for (int attempt = 1; ; attempt++) {
      try {
        elb.deleteTargetGroup(r -> r.targetGroupArn(arn));
        return;
      } catch (RuntimeException e) {
        if (AwsErrors.isNotFound(e)) {
          return;
        }
        if (attempt >= 20 || !AwsErrors.isRetryable(e)) {
          throw e;
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
