package dev.lbr.translate.service;

import static dev.lbr.translate.service.ServiceAnnotation.LB_ATTRIBUTES;
import static dev.lbr.translate.service.ServiceAnnotation.LB_TYPE;
import static dev.lbr.translate.service.ServiceAnnotation.MANAGE_BACKEND_SG_RULES;
import static dev.lbr.translate.service.ServiceAnnotation.TARGET_NODE_LABELS;
import static dev.lbr.translate.service.ServiceAnnotation.TARGET_TYPE;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sNode;
import dev.lbr.k8s.K8sService;
import dev.lbr.model.BackendRef;
import dev.lbr.model.ClusterFacts;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.InvalidInputException;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.LoadBalancerType;
import dev.lbr.model.StackId;
import dev.lbr.model.StackNetworking;
import dev.lbr.model.Subnet;
import dev.lbr.model.Target;
import dev.lbr.model.TargetGroupNetworking;
import dev.lbr.model.TargetGroupSpec;
import dev.lbr.model.TargetSource;
import dev.lbr.translate.common.Annotations;
import dev.lbr.translate.common.EndpointResolver;
import dev.lbr.translate.common.NodeTargets;
import dev.lbr.translate.common.StackQuotas;
import dev.lbr.translate.common.TargetNetworking;
import dev.lbr.translate.common.TargetSources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Service → NLB desired stack, as LBC's {@code pkg/service/model_builder.go} builds it. Targets are
 * the ready pods of the EndpointSlices (ip mode) or the selected nodes on the NodePort (instance
 * mode, {@link NodeTargets}). Pure: same Service, slices, nodes and facts, same stack. Invalid
 * input throws {@link InvalidInputException} before anything is returned.
 */
public final class ServiceModelBuilder {
  /** LBC's {@code --load-balancer-class}. */
  public static final String LOAD_BALANCER_CLASS = "service.k8s.aws/nlb";

  private ServiceModelBuilder() {}

  /**
   * Whether the Service is ours with instance targets (LBC's default target type), so its targets
   * follow the cluster's Nodes: the target type as {@link TargetTypeResolver} reads it, without its
   * validation (an invalid Service is still woken by Node events and reports its error).
   */
  public static boolean targetsNodes(K8sService svc) {
    return isManaged(svc)
        && !TargetTypeResolver.asksForIp(Annotations.of(svc, ServiceAnnotation.PREFIX));
  }

  /**
   * Whether LBC would reconcile the Service ({@code IsServiceSupported}, with the {@code
   * ServiceTypeLoadBalancerOnly} gate on): type LoadBalancer, and either our loadBalancerClass, or
   * no class and {@code aws-load-balancer-type} {@code nlb-ip}, or {@code external} with an
   * explicit {@code aws-load-balancer-nlb-target-type} of {@code ip} or {@code instance}.
   */
  public static boolean isManaged(K8sService svc) {
    if (svc == null || svc.spec() == null || !"LoadBalancer".equals(svc.spec().type())) {
      return false;
    }
    String lbClass = svc.spec().loadBalancerClass();
    if (lbClass != null && !lbClass.isEmpty()) {
      return lbClass.equals(LOAD_BALANCER_CLASS);
    }
    Map<String, String> annotations = svc.metadata().annotations();
    String lbType = annotations.get(ServiceAnnotation.key(LB_TYPE));
    String targetType = annotations.get(ServiceAnnotation.key(TARGET_TYPE));
    return TargetTypeResolver.NLB_IP.equals(lbType)
        || (TargetTypeResolver.EXTERNAL.equals(lbType)
            && (TargetTypeResolver.IP.equals(targetType)
                || TargetTypeResolver.INSTANCE.equals(targetType)));
  }

  /**
   * The desired stack of {@code svc}: empty when the Service is not ours or is being deleted.
   *
   * @throws InvalidInputException when the Service asks for something that cannot be built
   */
  public static DesiredStack build(
      K8sService svc, List<K8sEndpointSlice> slices, List<K8sNode> nodes, ClusterFacts facts) {
    StackId id = StackId.service(svc.metadata().namespace(), svc.metadata().name());
    if (!isManaged(svc)) {
      return DesiredStack.empty(id);
    }
    ServiceContext ctx = ServiceContext.of(svc, facts);
    if (svc.metadata().deletionTimestamp() != null) {
      refuseDeletionWhenProtected(ctx);
      return DesiredStack.empty(id);
    }
    String targetType = TargetTypeResolver.resolve(ctx);
    UnsupportedAnnotations.check(ctx);

    TagsBuilder tags = new TagsBuilder(ctx);
    LoadBalancerSpec lb = new LoadBalancerBuilder(ctx, tags).build();
    List<ListenerBuilder.PortModel> ports =
        new ListenerBuilder(ctx, tags).build(lb.ipAddressType());
    StackQuotas.listeners(ports.size())
        .ifPresent(
            problem -> {
              throw ctx.annotations().invalid("spec.ports: " + problem);
            });

    EndpointResolver endpoints = new EndpointResolver(svc, slices);
    Map<String, String> nodeLabels = nodeLabels(ctx, targetType);
    List<TargetGroupSpec> targetGroups = new ArrayList<>();
    List<ListenerSpec> listeners = new ArrayList<>();
    Map<String, Set<Target>> targets = new TreeMap<>();
    Map<String, BackendRef> backends = new TreeMap<>();
    for (ListenerBuilder.PortModel port : ports) {
      TargetGroupSpec tg = port.targetGroup();
      targetGroups.add(tg);
      backends.put(
          tg.resourceId(),
          new BackendRef(
              ctx.namespace(),
              ctx.name(),
              Integer.toString(port.port().port()),
              port.port().targetPort()));
      listeners.add(port.listener());
      targets.put(
          tg.resourceId(),
          nodeLabels == null
              ? endpoints.targets(port.port(), tg.ipAddressType())
              : NodeTargets.targets(nodes, nodeLabels, tg.port()));
    }
    StackQuotas.targets(targets)
        .ifPresent(
            problem -> {
              throw ctx.annotations().invalid(problem);
            });
    ServiceSecurityGroups.Result groups =
        ServiceSecurityGroups.build(ctx, tags, lb.ipAddressType());
    return new DesiredStack(
        id,
        Optional.of(lb.withSecurityGroupIds(groups.userGroups())),
        targetGroups,
        listeners,
        targets,
        groups.managed(),
        networking(ctx, lb, targetGroups, groups),
        backends);
  }

  /**
   * With security groups: rules from the backend group (when the NLB carries it). Without (or for
   * an NLB that was created without them): LBC's CIDR rules, unless {@code
   * manage-backend-security-group-rules} is false.
   */
  private static StackNetworking networking(
      ServiceContext ctx,
      LoadBalancerSpec lb,
      List<TargetGroupSpec> targetGroups,
      ServiceSecurityGroups.Result groups) {
    List<TargetGroupNetworking> legacy = List.of();
    if (ctx.annotations().bool(MANAGE_BACKEND_SG_RULES).orElse(true)) {
      List<String> subnetCidrs =
          ctx.facts().subnets().stream()
              .filter(s -> lb.subnetIds().contains(s.id()))
              .map(Subnet::cidrBlock)
              .sorted()
              .toList();
      List<String> clients = ServiceSecurityGroups.sourceRanges(ctx);
      boolean defaults = clients.isEmpty();
      if (defaults) {
        clients =
            lb.scheme().equals(LoadBalancerBuilder.INTERNAL_SCHEME)
                ? ctx.facts().subnets().stream().map(Subnet::cidrBlock).sorted().toList()
                : List.of("0.0.0.0/0");
      }
      legacy = TargetNetworking.withoutSecurityGroups(targetGroups, subnetCidrs, clients, defaults);
    }
    if (!groups.enabled()) {
      return new StackNetworking(false, legacy, List.of());
    }
    List<TargetGroupNetworking> rules =
        groups.backend()
            ? TargetNetworking.fromBackend(LoadBalancerType.NETWORK, targetGroups)
            : List.of();
    return new StackNetworking(groups.backend(), rules, legacy);
  }

  /**
   * Only the desired targets by target group resource id, without AWS facts: what {@link #build}
   * puts in {@link DesiredStack#targets()} for a Service it accepts. The targets-only path uses it.
   */
  public static Map<String, Set<Target>> targets(
      K8sService svc, List<K8sEndpointSlice> slices, List<K8sNode> nodes) {
    return TargetSources.resolve(
        targetSources(svc),
        Map.of(svc.metadata().namespace() + "/" + svc.metadata().name(), slices),
        nodes);
  }

  /**
   * Where each target group's targets come from, by target group resource id: the Service port's
   * pods (ip mode) or the selected nodes on its NodePort (instance mode). Empty for a Service that
   * is not ours or is being deleted.
   */
  public static Map<String, TargetSource> targetSources(K8sService svc) {
    if (!isManaged(svc) || svc.metadata().deletionTimestamp() != null) {
      return Map.of();
    }
    ServiceContext ctx = ServiceContext.of(svc, null);
    Map<String, String> nodeLabels = nodeLabels(ctx, TargetTypeResolver.resolve(ctx));
    String family =
        svc.spec().ipFamilies().contains("IPv6") ? EndpointResolver.IPV6 : TargetGroupBuilder.IPV4;
    Map<String, TargetSource> sources = new TreeMap<>();
    for (K8sService.Port port : svc.spec().ports()) {
      // the first port of a TCP_UDP pair makes the target group (ServicePorts)
      sources.putIfAbsent(
          TargetGroupBuilder.resourceId(ctx, port),
          nodeLabels == null
              ? TargetSources.pods(svc, port, family)
              : TargetSource.nodes(TargetGroupBuilder.nodePort(ctx, port), nodeLabels));
    }
    return sources;
  }

  /** {@code target-node-labels} in instance mode (empty: every node); null in ip mode. */
  private static Map<String, String> nodeLabels(ServiceContext ctx, String targetType) {
    if (!targetType.equals(TargetTypeResolver.INSTANCE)) {
      return null;
    }
    return ctx.annotations().stringMap(TARGET_NODE_LABELS).orElse(Map.of());
  }

  /**
   * LBC refuses to clean up a Service whose NLB has deletion protection on, rather than deleting
   * its listeners and target groups and then failing on the NLB.
   */
  private static void refuseDeletionWhenProtected(ServiceContext ctx) {
    if (LoadBalancerAttributesBuilder.deletionProtection(ctx)) {
      throw ctx.annotations()
          .invalid(
              LB_ATTRIBUTES,
              "deletion_protection is enabled, cannot delete the service: " + ctx.name());
    }
  }
}
