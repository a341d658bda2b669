package dev.lbr.model;

/** A security group of the VPC, as the builder needs it to resolve names given in annotations. */
public record SecurityGroupInfo(String groupId, String name, String vpcId) {}
