package dev.lbr.aws;

import static dev.lbr.aws.Ec2TargetHolders.inVpc;
import static dev.lbr.aws.Ec2TargetHolders.unlessEmpty;

import dev.lbr.model.ActualSecurityGroup;
import dev.lbr.model.SecurityGroupInfo;
import dev.lbr.model.SecurityGroupRule;
import dev.lbr.model.SecurityGroupSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The security group calls of {@link Ec2Gateway}, which {@link SdkEc2Gateway} inherits; {@link
 * SdkTargetNetworkGateway} creates and deletes groups with them too.
 */
class Ec2SecurityGroups {
  final Ec2Client ec2;
  private final InUseRetry deletion;

  Ec2SecurityGroups(Ec2Client ec2, InUseRetry deletion) {
    this.ec2 = ec2;
    this.deletion = deletion;
  }

  public List<SecurityGroupInfo> securityGroups(String vpcId) {
    List<SecurityGroupInfo> groups = new ArrayList<>();
    ec2.describeSecurityGroupsPaginator(r -> r.filters(unlessEmpty(inVpc(vpcId))))
        .securityGroups()
        .forEach(g -> groups.add(new SecurityGroupInfo(g.groupId(), g.groupName(), g.vpcId())));
    return groups;
  }

  /** Filtered by EC2 on every tag, then checked again here: nothing untagged slips through. */
  public List<ActualSecurityGroup> securityGroupsTagged(Map<String, String> wanted) {
    if (wanted.isEmpty()) {
      throw new IllegalArgumentException("a tag filter is required");
    }
    List<Filter> filters =
        new TreeMap<>(wanted)
            .entrySet().stream()
                .map(e -> Filter.builder().name("tag:" + e.getKey()).values(e.getValue()).build())
                .toList();
    List<ActualSecurityGroup> found = new ArrayList<>();
    ec2.describeSecurityGroupsPaginator(r -> r.filters(filters))
        .securityGroups()
        .forEach(
            g -> {
              ActualSecurityGroup sg = toModel(g);
              if (ElbTags.containsAll(sg.tags(), wanted)) {
                found.add(sg);
              }
            });
    return found;
  }

  /** EC2 refuses a tag specification without tags, so an untagged group has none. */
  public String createSecurityGroup(SecurityGroupSpec spec) {
    return ec2.createSecurityGroup(
            r -> {
              r.groupName(spec.name()).description(spec.description()).vpcId(spec.vpcId());
              if (!spec.tags().isEmpty()) {
                r.tagSpecifications(
                    TagSpecification.builder()
                        .resourceType(ResourceType.SECURITY_GROUP)
                        .tags(toSdk(spec.tags()))
                        .build());
              }
            })
        .groupId();
  }

  public void authorizeIngress(String groupId, List<SecurityGroupRule> rules) {
    if (!rules.isEmpty()) {
      ec2.authorizeSecurityGroupIngress(
          r -> r.groupId(groupId).ipPermissions(Ec2Permissions.toSdk(rules)));
    }
  }

  public void revokeIngress(String groupId, List<SecurityGroupRule> rules) {
    if (rules.isEmpty()) {
      return;
    }
    // InvalidPermission.NotFound, InvalidGroup.NotFound: nothing left to revoke
    AwsErrors.ignoringNotFound(
        () ->
            ec2.revokeSecurityGroupIngress(
                r -> r.groupId(groupId).ipPermissions(Ec2Permissions.toSdk(rules))));
  }

  public void addTags(String resourceId, Map<String, String> tags) {
    if (!tags.isEmpty()) {
      ec2.createTags(r -> r.resources(resourceId).tags(toSdk(tags)));
    }
  }

  public void removeTags(String resourceId, Set<String> keys) {
    if (!keys.isEmpty()) {
      List<Tag> tags = keys.stream().sorted().map(k -> Tag.builder().key(k).build()).toList();
      ec2.deleteTags(r -> r.resources(resourceId).tags(tags));
    }
  }

  public void deleteSecurityGroup(String groupId) {
    // InvalidGroup.NotFound: already deleted
    AwsErrors.ignoringNotFound(
        () -> deletion.run(() -> ec2.deleteSecurityGroup(r -> r.groupId(groupId))));
  }

  private static List<Tag> toSdk(Map<String, String> tags) {
    return KeyValues.toList(tags, (k, v) -> Tag.builder().key(k).value(v).build());
  }

  private static ActualSecurityGroup toModel(SecurityGroup g) {
    return new ActualSecurityGroup(
        g.groupId(),
        g.groupName(),
        g.vpcId(),
        Ec2Permissions.flatten(g.ipPermissions()),
        KeyValues.toMap(g.tags(), Tag::key, Tag::value));
  }
}
