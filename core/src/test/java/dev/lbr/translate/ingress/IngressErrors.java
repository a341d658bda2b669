package dev.lbr.translate.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.model.InvalidInputException;
import java.util.function.UnaryOperator;

/**
 * The harness of the error tables: building the world's stack (and its targets, unless the error
 * needs AWS facts) throws an {@link InvalidInputException} naming the object and annotation, with a
 * message that mentions what it must.
 */
final class IngressErrors {

  /**
   * @param object e.g. {@code Ingress default/web}
   * @param annotation a suffix under {@code alb.ingress.kubernetes.io/}, another full key (with a
   *     slash), or null when the error is about the object itself
   */
  record Case(
      String name,
      UnaryOperator<IngressWorld> world,
      String object,
      String annotation,
      String... mentions) {
    @Override
    public String toString() {
      return name;
    }
  }

  private IngressErrors() {}

  static void check(Case c) {
    IngressWorld w = c.world().apply(IngressWorld.base());
    String key =
        c.annotation() == null || c.annotation().contains("/")
            ? c.annotation()
            : IngressAnnotation.key(c.annotation());
    assertThatThrownBy(() -> IngressModelBuilder.build(w.input(), w.facts))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.object()).isEqualTo(c.object());
              assertThat(e.annotation()).isEqualTo(key);
              assertThat(e.getMessage()).startsWith(c.object());
              for (String mention : c.mentions()) {
                assertThat(e.getMessage()).contains(mention);
              }
            });
  }
}
