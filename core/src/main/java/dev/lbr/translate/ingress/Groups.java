package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressAnnotation.GROUP_NAME;
import static dev.lbr.translate.ingress.IngressAnnotation.GROUP_ORDER;

import dev.lbr.k8s.K8sIngress;
import dev.lbr.k8s.K8sIngressClass;
import dev.lbr.k8s.K8sIngressClassParams;
import dev.lbr.model.InvalidInputException;
import dev.lbr.model.StackId;
import dev.lbr.model.StackKind;
import dev.lbr.translate.common.Annotations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IngressGroup membership and order (LBC {@code group_loader.go}): an explicit group from
 * IngressClassParams {@code spec.group.name} (which wins) or the {@code group.name} annotation,
 * else the implicit group {@code ns/name}; members sorted by {@code group.order}, then {@code
 * ns/name}.
 */
final class Groups {
  static final int MAX_GROUP_NAME_LENGTH = 63;
  static final int MIN_ORDER = -1000;
  static final int MAX_ORDER = 1000;
  private static final Pattern GROUP_NAME_PATTERN =
      Pattern.compile("^([a-z0-9][-a-z0-9.]*)?[a-z0-9]$");

  private Groups() {}

  /**
   * The stack of an Ingress of ours; an invalid group name puts it in its implicit group, whose
   * build reports the error ({@link #members}).
   */
  static StackId stackOf(K8sIngress ingress, IngressClasses.Classified classified) {
    Optional<String> name = requestedGroupName(ingress, classified.params());
    if (name.isPresent() && problem(name.get()).isEmpty()) {
      return new StackId(StackKind.INGRESS, name.get());
    }
    return new StackId(StackKind.INGRESS, ingress.metadata().key());
  }

  /**
   * The members of {@code id}'s group among {@code candidates}: ours, not being deleted, in this
   * group, with a valid group name and order; sorted.
   *
   * @throws InvalidInputException for an invalid group name or order, or unusable class parameters
   */
  static List<Member> members(
      StackId id,
      List<K8sIngress> candidates,
      Map<String, K8sIngressClass> classes,
      Map<String, K8sIngressClassParams> params) {
    List<Member> members = new ArrayList<>();
    for (K8sIngress ingress : candidates) {
      if (ingress.metadata().deletionTimestamp() != null) {
        continue;
      }
      Optional<IngressClasses.Classified> classified =
          IngressClasses.classify(ingress, classes, params);
      if (classified.isEmpty() || !stackOf(ingress, classified.get()).equals(id)) {
        continue;
      }
      members.add(member(ingress, classified.get()));
    }
    members.sort(Comparator.comparingInt(Member::order).thenComparing(Member::key));
    return List.copyOf(members);
  }

  private static Member member(K8sIngress ingress, IngressClasses.Classified classified) {
    Annotations a = Member.annotationsOf(ingress);
    if (classified.paramsProblem() != null) {
      throw a.invalid(classified.paramsProblem());
    }
    ClassParams params = classified.params();
    if (params != null) {
      params.checkSupported();
      Optional<String> fromParams = params.groupName();
      if (fromParams.isPresent() && problem(fromParams.get()).isPresent()) {
        throw new InvalidInputException(
            params.object(), null, "spec.group.name: " + problem(fromParams.get()).get());
      }
    }
    if (params == null || params.groupName().isEmpty()) {
      a.string(GROUP_NAME)
          .flatMap(Groups::problem)
          .ifPresent(
              p -> {
                throw a.invalid(GROUP_NAME, p);
              });
    }
    int order = a.int32(GROUP_ORDER).orElse(0);
    if (order < MIN_ORDER || order > MAX_ORDER) {
      throw a.invalid(
          GROUP_ORDER,
          "explicit Ingress group order must be within ["
              + MIN_ORDER
              + ":"
              + MAX_ORDER
              + "], order: "
              + order);
    }
    return new Member(ingress, a, params, order);
  }

  private static Optional<String> requestedGroupName(K8sIngress ingress, ClassParams params) {
    if (params != null && params.groupName().isPresent()) {
      return params.groupName();
    }
    return Optional.ofNullable(
        ingress.metadata().annotations().get(IngressAnnotation.key(GROUP_NAME)));
  }

  /** LBC's {@code validateGroupName}. */
  static Optional<String> problem(String groupName) {
    if (!GROUP_NAME_PATTERN.matcher(groupName).matches()) {
      return Optional.of(
          "groupName \""
              + groupName
              + "\" must consist of lower case alphanumeric characters, '-' or '.', and must"
              + " start and end with an alphanumeric character");
    }
    if (groupName.length() > MAX_GROUP_NAME_LENGTH) {
      return Optional.of("groupName must be no more than " + MAX_GROUP_NAME_LENGTH + " characters");
    }
    return Optional.empty();
  }
}
