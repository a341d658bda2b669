package dev.lbr.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * Prepares an (emulated) account the way the scenario runner expects it (scenarios/README.md): a
 * VPC 192.168.0.0/16, three public subnets 192.168.100.0/24, 101 and 102 tagged {@code
 * kubernetes.io/role/elb=1} and three private ones 192.168.200.0/24, 201 and 202 tagged {@code
 * kubernetes.io/role/internal-elb=1}, in the region's first three zones in that order, each tagged
 * {@code kubernetes.io/cluster/<cluster>=shared}, and an imported self-signed ACM certificate.
 * Finds what an earlier run created (by {@code Name} tag and domain) instead of creating it twice.
 */
public final class EmulatorWorld {
  public static final String VPC_CIDR = "192.168.0.0/16";
  public static final String CERTIFICATE_DOMAIN = "lbr-emulator.example.com";

  /** What {@link #prepare} made or found. Subnet lists follow the zone order. */
  public record World(
      String cluster,
      String vpcId,
      List<String> publicSubnetIds,
      List<String> privateSubnetIds,
      List<String> availabilityZones,
      String certificateArn) {
    public World {
      publicSubnetIds = List.copyOf(publicSubnetIds);
      privateSubnetIds = List.copyOf(privateSubnetIds);
      availabilityZones = List.copyOf(availabilityZones);
    }
  }

  private static SelfSignedCertificate certificate;

  private EmulatorWorld() {}

  public static World prepare(Ec2Client ec2, AcmClient acm, String cluster) {
    List<String> zones = firstZones(ec2, 3);
    String vpcId = vpc(ec2, "lbr-" + cluster);
    List<String> publicIds = new ArrayList<>();
    List<String> privateIds = new ArrayList<>();
    for (int i = 0; i < zones.size(); i++) {
      String zone = zones.get(i);
      publicIds.add(subnet(ec2, vpcId, zone, cluster, "public", 100 + i, "kubernetes.io/role/elb"));
      privateIds.add(
          subnet(ec2, vpcId, zone, cluster, "private", 200 + i, "kubernetes.io/role/internal-elb"));
    }
    return new World(cluster, vpcId, publicIds, privateIds, zones, certificate(acm));
  }

  private static List<String> firstZones(Ec2Client ec2, int n) {
    List<String> zones =
        ec2.describeAvailabilityZones().availabilityZones().stream()
            .map(AvailabilityZone::zoneName)
            .sorted()
            .limit(n)
            .toList();
    if (zones.size() < n) {
      throw new IllegalStateException("the region has fewer than " + n + " availability zones");
    }
    return zones;
  }

  private static String vpc(Ec2Client ec2, String name) {
    return ec2
        .describeVpcs(r -> r.filters(tagFilter(name), filter("cidr", VPC_CIDR)))
        .vpcs()
        .stream()
        .findFirst()
        .map(v -> v.vpcId())
        .orElseGet(
            () ->
                ec2.createVpc(
                        r ->
                            r.cidrBlock(VPC_CIDR)
                                .tagSpecifications(tags(ResourceType.VPC, Map.of("Name", name))))
                    .vpc()
                    .vpcId());
  }

  /**
   * The cluster's {@code 192.168.<octet>.0/24} subnet of one role ({@code public}, {@code private})
   * in a zone, tagged for the role and the cluster as LBC's subnet discovery wants.
   */
  private static String subnet(
      Ec2Client ec2,
      String vpcId,
      String zone,
      String cluster,
      String role,
      int octet,
      String roleTag) {
    String name = "lbr-" + cluster + "-" + role + "-" + zone;
    String cidr = "192.168." + octet + ".0/24";
    Map<String, String> all = new TreeMap<>();
    all.put(roleTag, "1");
    all.put("kubernetes.io/cluster/" + cluster, "shared");
    all.put("Name", name);
    return ec2
        .describeSubnets(r -> r.filters(filter("vpc-id", vpcId), tagFilter(name)))
        .subnets()
        .stream()
        .findFirst()
        .map(s -> s.subnetId())
        .orElseGet(
            () ->
                ec2.createSubnet(
                        r ->
                            r.vpcId(vpcId)
                                .availabilityZone(zone)
                                .cidrBlock(cidr)
                                .tagSpecifications(tags(ResourceType.SUBNET, all)))
                    .subnet()
                    .subnetId());
  }

  private static String certificate(AcmClient acm) {
    Optional<String> existing =
        acm.listCertificatesPaginator(r -> {}).certificateSummaryList().stream()
            .filter(c -> CERTIFICATE_DOMAIN.equals(c.domainName()))
            .map(CertificateSummary::certificateArn)
            .findFirst();
    if (existing.isPresent()) {
      return existing.get();
    }
    SelfSignedCertificate cert = throwawayCertificate();
    return acm.importCertificate(
            r ->
                r.certificate(SdkBytes.fromString(cert.certificatePem(), StandardCharsets.US_ASCII))
                    .privateKey(
                        SdkBytes.fromString(cert.privateKeyPem(), StandardCharsets.US_ASCII)))
        .certificateArn();
  }

  /** One per JVM: RSA key generation is slow and the certificate never serves traffic. */
  private static synchronized SelfSignedCertificate throwawayCertificate() {
    if (certificate == null) {
      certificate = SelfSignedCertificate.generate(CERTIFICATE_DOMAIN, Duration.ofDays(365));
    }
    return certificate;
  }

  private static Filter tagFilter(String name) {
    return filter("tag:Name", name);
  }

  private static Filter filter(String name, String value) {
    return Filter.builder().name(name).values(value).build();
  }

  private static TagSpecification tags(ResourceType type, Map<String, String> tags) {
    return TagSpecification.builder()
        .resourceType(type)
        .tags(
            new TreeMap<>(tags)
                .entrySet().stream()
                    .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                    .toList())
        .build();
  }
}
