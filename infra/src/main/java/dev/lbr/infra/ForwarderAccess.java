package dev.lbr.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.eks.CfnPodIdentityAssociation;
import software.amazon.awscdk.services.iam.FederatedPrincipal;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * The forwarder's AWS identity: a role its pods assume (IRSA or EKS Pod Identity) that may put
 * events on this deployment's bus (granted by {@link EventIngress}) and consume its status queue
 * (granted by {@link StatusQueue}), and the manifest that installs the forwarder with that role,
 * rendered from {@code forwarder/deploy/}.
 */
final class ForwarderAccess extends Construct {

  /**
   * @param clusterName the EKS cluster
   * @param identity IRSA or Pod Identity
   * @param deployDir {@code forwarder/deploy}: the manifests to render
   * @param image the forwarder image, or null to leave the placeholder
   */
  record Props(
      String clusterName, Settings.ForwarderIdentity identity, Path deployDir, String image) {}

  private final Role role;
  private final Props props;

  ForwarderAccess(Construct scope, String id, Props props) {
    super(scope, id);
    this.props = props;
    role =
        Role.Builder.create(this, "Role")
            .assumedBy(principal(props))
            .description(
                "lbr forwarder of cluster "
                    + props.clusterName()
                    + ": puts events on the lbr bus, consumes the status queue")
            .build();
    if (props.identity() instanceof Settings.PodIdentity) {
      CfnPodIdentityAssociation.Builder.create(this, "PodIdentityAssociation")
          .clusterName(props.clusterName())
          .namespace(Settings.FORWARDER_NAMESPACE)
          .serviceAccount(Settings.FORWARDER_SERVICE_ACCOUNT)
          .roleArn(role.getRoleArn())
          .build();
    }
  }

  private static IPrincipal principal(Props props) {
    return switch (props.identity()) {
      case Settings.Irsa irsa ->
          new FederatedPrincipal(
              irsa.providerArn(),
              Map.of(
                  "StringEquals",
                  Map.of(
                      irsa.issuer() + ":sub",
                      "system:serviceaccount:"
                          + Settings.FORWARDER_NAMESPACE
                          + ":"
                          + Settings.FORWARDER_SERVICE_ACCOUNT,
                      irsa.issuer() + ":aud",
                      "sts.amazonaws.com")),
              "sts:AssumeRoleWithWebIdentity");
      case Settings.PodIdentity p ->
          // Pod Identity tags the session with the pod's cluster, namespace and service account:
          // only the forwarder's service account of this cluster can assume the role.
          new ServicePrincipal("pods.eks.amazonaws.com")
              .withConditions(
                  Map.of(
                      "StringEquals",
                      Map.of(
                          "aws:RequestTag/eks-cluster-name", props.clusterName(),
                          "aws:RequestTag/kubernetes-namespace", Settings.FORWARDER_NAMESPACE,
                          "aws:RequestTag/kubernetes-service-account",
                              Settings.FORWARDER_SERVICE_ACCOUNT)))
              .withSessionTags();
    };
  }

  Role role() {
    return role;
  }

  /**
   * The ServiceAccount and Deployment of {@code forwarder/deploy/}, with the role, cluster, bus,
   * status queue and region filled in (comments dropped; apply {@code 00-namespace.yaml}, {@code
   * 20-rbac.yaml} and {@code 40-webhook.yaml} from there as they are). With Pod Identity the role
   * annotation is left out: the stack creates the association instead.
   */
  String manifest(String busName, String statusQueueUrl) {
    String serviceAccount = read("10-serviceaccount.yaml");
    if (props.identity() instanceof Settings.PodIdentity) {
      serviceAccount =
          serviceAccount.replaceAll(
              "(?m)^  annotations:\\n    eks\\.amazonaws\\.com/role-arn: .*\\n", "");
    }
    String all = serviceAccount + "---\n" + read("30-deployment.yaml");
    all = all.replace("REPLACE_WITH_STATUS_QUEUE_URL", statusQueueUrl);
    all = all.replace("REPLACE_WITH_FORWARDER_ROLE_ARN", role.getRoleArn());
    all = all.replace("REPLACE_WITH_CLUSTER_NAME", props.clusterName());
    all = all.replace("REPLACE_WITH_EVENT_BUS_NAME", busName);
    all = all.replace("REPLACE_WITH_AWS_REGION", Aws.REGION);
    if (props.image() != null) {
      all = all.replace("REPLACE_WITH_FORWARDER_IMAGE", props.image());
    }
    return all;
  }

  private String read(String file) {
    Path path = props.deployDir().resolve(file);
    try {
      List<String> lines = Files.readAllLines(path);
      return lines.stream()
              .filter(l -> !l.stripLeading().startsWith("#"))
              .collect(Collectors.joining("\n"))
              .strip()
          + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the forwarder manifest " + path + " (run the CDK app from the repo root)",
          e);
    }
  }
}
