package dev.lbr.translate.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.model.DesiredStack;
import dev.lbr.translate.common.MergePatch;
import dev.lbr.translate.common.StackJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Golden tests in the style of LBC's {@code model_builder_test.go}: each case's expected stack is
 * {@code ingress/alb-base.json} (the base world's stack, see {@link IngressWorld#base}) with a JSON
 * merge patch applied; the patches of a test class live in {@code ingress/golden/<file>.json},
 * keyed by case name. Every case also checks that {@link IngressModelBuilder#targets} equals the
 * built stack's targets.
 */
final class IngressGolden {
  record Case(String name, UnaryOperator<IngressWorld> world) {
    @Override
    public String toString() {
      return name;
    }
  }

  private IngressGolden() {}

  static JsonNode base() {
    return resource("/ingress/alb-base.json");
  }

  private static JsonNode resource(String path) {
    try (InputStream in = IngressGolden.class.getResourceAsStream(path)) {
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

  /** Checks {@code c} against its patch in {@code ingress/golden/<file>.json}. */
  static void check(String file, Case c) {
    JsonNode patch = resource("/ingress/golden/" + file + ".json").get(c.name());
    assertThat(patch).as("the patch of \"" + c.name() + "\" in " + file + ".json").isNotNull();
    JsonNode expected = MergePatch.apply(base(), patch);
    JsonNode actual = StackJson.normalized(build(c));
    assertThat(StackJson.pretty(actual)).isEqualTo(StackJson.pretty(expected));
  }
}
