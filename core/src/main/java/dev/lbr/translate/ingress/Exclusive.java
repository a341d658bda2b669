package dev.lbr.translate.ingress;

import dev.lbr.model.InvalidInputException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Settings that must agree across an IngressGroup (LBC's "exclusive" annotations): at most one
 * distinct value; a conflict fails the whole group, naming both Ingresses and the annotation. A
 * member's IngressClassParams field, when set, replaces its annotation.
 */
final class Exclusive {

  /**
   * A value and where it came from: {@code member}'s annotation, or, when {@code field} is set,
   * that field of the member's IngressClassParams.
   */
  record Sourced<T>(T value, Member member, String field) {
    static <T> Sourced<T> annotation(Member m, T value) {
      return new Sourced<>(value, m, null);
    }

    static <T> Sourced<T> params(Member m, String field, T value) {
      return new Sourced<>(value, m, field);
    }

    /** {@code Ingress ns/a}, or {@code IngressClassParams p spec.x (class of Ingress ns/a)}. */
    String source() {
      return field == null
          ? member.object()
          : member.params().object() + " spec." + field + " (class of " + member.object() + ")";
    }

    /** An error about this value, on the object it came from. */
    InvalidInputException invalid(String suffix, String problem) {
      return field == null
          ? member.annotations().invalid(suffix, problem)
          : new InvalidInputException(
              member.params().object(), null, "spec." + field + ": " + problem);
    }
  }

  private Exclusive() {}

  /**
   * The one value the members set, with its source; empty when none sets it.
   *
   * @param read a member's value, if it sets one
   * @param same whether two values agree
   */
  static <T> Optional<Sourced<T>> value(
      List<Member> members,
      String suffix,
      Function<Member, Optional<Sourced<T>>> read,
      BiPredicate<T, T> same) {
    Sourced<T> chosen = null;
    for (Member m : members) {
      Optional<Sourced<T>> v = read.apply(m);
      if (v.isEmpty()) {
        continue;
      }
      if (chosen == null) {
        chosen = v.get();
      } else if (!same.test(chosen.value(), v.get().value())) {
        throw conflict(m, suffix, suffix, chosen, v.get());
      }
    }
    return Optional.ofNullable(chosen);
  }

  /** A string setting: the IngressClassParams field {@code field} if set, else the annotation. */
  static Optional<Sourced<String>> string(
      List<Member> members,
      String suffix,
      String field,
      Function<ClassParams, Optional<String>> p) {
    return value(
        members,
        suffix,
        m -> {
          Optional<String> fromParams = m.classParams().flatMap(p);
          if (fromParams.isPresent()) {
            return fromParams.map(v -> Sourced.params(m, field, v));
          }
          return m.annotations().string(suffix).map(v -> Sourced.annotation(m, v));
        },
        Objects::equals);
  }

  /**
   * The error for two members that disagree on an exclusive setting; {@code what} names the setting
   * (e.g. {@code ssl-policy of port 443}).
   */
  static InvalidInputException conflict(
      Member second, String suffix, String what, Sourced<?> first, Sourced<?> other) {
    return new InvalidInputException(
        second.object(),
        IngressAnnotation.key(suffix),
        "conflicting "
            + what
            + " in the IngressGroup: "
            + first.source()
            + " sets "
            + show(first.value())
            + " but "
            + other.source()
            + " sets "
            + show(other.value())
            + "; the value must agree across the group, whose build fails as a whole");
  }

  private static String show(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }
}
