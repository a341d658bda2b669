package dev.lbr.build.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.build.MergePatch;
import dev.lbr.build.StackJson;
import dev.lbr.model.DesiredStack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Golden tests in the style of LBC's {@code model_builder_test.go}: each case's expected stack is
 * {@code ingress/alb-base.json} (the base world's stack, see {@link IngressWorld#base}) with a JSON
 * merge patch applied. Every case also checks that {@link IngressModelBuilder#targets} equals the
 * built stack's targets.
 */
final class IngressGolden {
  /** The patch of a case whose stack is empty (to be deleted). */
  static final String EMPTY =
      """
      {
        "listeners": {"80": null},
        "loadBalancer": null,
        "securityGroup": null,
        "targetGroups": {"default/web-web:80": null},
        "targets": {"default/web-web:80": null}
      }
      """;

  record Case(String name, UnaryOperator<IngressWorld> world, String patch) {
    @Override
    public String toString() {
      return name;
    }
  }

  private IngressGolden() {}

  static JsonNode base() {
    try (InputStream in = IngressGolden.class.getResourceAsStream("/ingress/alb-base.json")) {
      return StackJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static DesiredStack build(Case c) {
    IngressWorld w = c.world().apply(IngressWorld.base());
    DesiredStack stack = IngressModelBuilder.build(w.input(), w.facts);
    assertThat(IngressModelBuilder.targets(w.input())).isEqualTo(stack.targets());
    return stack;
  }

  static void check(Case c) {
    JsonNode expected = MergePatch.apply(base(), StackJson.parse(c.patch()));
    JsonNode actual = StackJson.normalized(build(c));
    assertThat(StackJson.pretty(actual)).isEqualTo(StackJson.pretty(expected));
  }
}
