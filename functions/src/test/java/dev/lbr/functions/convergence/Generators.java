package dev.lbr.functions.convergence;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** The arbitraries of the convergence suite; each shrinks towards less happening, in order. */
final class Generators {
  /** Upper bound of a fault's call number; a run makes a few hundred calls. */
  static final int MAX_CALL = 250;

  private Generators() {}

  static Arbitrary<List<KubeWorld.Action>> actions() {
    Arbitrary<Integer> service = Arbitraries.integers().between(0, KubeWorld.SERVICES.size() - 1);
    Arbitrary<KubeWorld.Action> action =
        Arbitraries.frequencyOf(
            Tuple.of(
                3,
                Combinators.combine(service, Arbitraries.integers().between(0, 3))
                    .as(KubeWorld.Action.PutService::new)),
            Tuple.of(
                3,
                Combinators.combine(service, Arbitraries.integers().between(0, 15))
                    .as(KubeWorld.Action.Scale::new)),
            Tuple.of(
                1,
                Combinators.combine(service, Arbitraries.of(true, false))
                    .as(KubeWorld.Action.DeleteService::new)),
            Tuple.of(2, Arbitraries.integers().between(0, 2).map(KubeWorld.Action.PutIngress::new)),
            Tuple.of(1, Arbitraries.of(true, false).map(KubeWorld.Action.DeleteIngress::new)));
    return action.list().ofMinSize(3).ofMaxSize(8);
  }

  static Arbitrary<List<Delivery.Gene>> genes() {
    Arbitrary<Integer> copies =
        Arbitraries.frequency(Tuple.of(14, 1), Tuple.of(3, 0), Tuple.of(3, 2));
    return Combinators.combine(
            copies, Arbitraries.integers().between(0, 3), Arbitraries.of(false, true))
        .as(Delivery.Gene::new)
        .list()
        .ofMaxSize(12);
  }

  static Arbitrary<List<Delivery.InventoryGene>> inventories() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 4))
        .as(Delivery.InventoryGene::new)
        .list()
        .ofMaxSize(2);
  }

  static Arbitrary<List<Faults.Fault>> faults() {
    return Combinators.combine(
            Arbitraries.of(Faults.Type.values()), Arbitraries.integers().between(0, MAX_CALL))
        .as(Faults.Fault::new)
        .list()
        .ofMaxSize(4);
  }
}
