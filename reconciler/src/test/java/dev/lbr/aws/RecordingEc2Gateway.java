package dev.lbr.aws;

import dev.lbr.model.ActualSecurityGroup;
import dev.lbr.model.SecurityGroupInfo;
import dev.lbr.model.SecurityGroupRule;
import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.model.Subnet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory EC2 holding security groups: records every call as {@code operation id [detail]} and
 * hands out ids {@code sg-new-<n>}. Reads answer from what it holds.
 */
final class RecordingEc2Gateway implements Ec2Gateway {
  final List<String> calls = new ArrayList<>();
  final Map<String, ActualSecurityGroup> groups = new LinkedHashMap<>();
  private int created;

  void put(ActualSecurityGroup sg) {
    groups.put(sg.groupId(), sg);
  }

  @Override
  public List<Subnet> subnets(String vpcId) {
    calls.add("subnets");
    return List.of();
  }

  @Override
  public List<SecurityGroupInfo> securityGroups(String vpcId) {
    calls.add("securityGroups");
    return groups.values().stream()
        .map(g -> new SecurityGroupInfo(g.groupId(), g.name(), g.vpcId()))
        .toList();
  }

  @Override
  public List<ActualSecurityGroup> securityGroupsTagged(Map<String, String> tags) {
    calls.add("securityGroupsTagged");
    return groups.values().stream().filter(g -> ElbTags.containsAll(g.tags(), tags)).toList();
  }

  @Override
  public String createSecurityGroup(SecurityGroupSpec spec) {
    String id = "sg-new-" + ++created;
    calls.add("CreateSecurityGroup " + id + " " + spec.name());
    put(new ActualSecurityGroup(id, spec.name(), spec.vpcId(), List.of(), spec.tags()));
    return id;
  }

  @Override
  public void authorizeIngress(String groupId, List<SecurityGroupRule> rules) {
    calls.add("AuthorizeSecurityGroupIngress " + groupId + " " + rules.size());
  }

  @Override
  public void revokeIngress(String groupId, List<SecurityGroupRule> rules) {
    calls.add("RevokeSecurityGroupIngress " + groupId + " " + rules.size());
  }

  @Override
  public void addTags(String resourceId, Map<String, String> tags) {
    calls.add("CreateTags " + resourceId + " " + tags);
  }

  @Override
  public void removeTags(String resourceId, Set<String> keys) {
    calls.add("DeleteTags " + resourceId + " " + keys);
  }

  @Override
  public void deleteSecurityGroup(String groupId) {
    calls.add("DeleteSecurityGroup " + groupId);
    groups.remove(groupId);
  }
}
