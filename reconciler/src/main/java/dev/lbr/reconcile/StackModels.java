package dev.lbr.reconcile;

import dev.lbr.model.StackId;
import dev.lbr.state.SnapshotStore;

/** Loads the stored inputs of a Service or Ingress stack ({@link BindingPass} reads its own). */
final class StackModels {
  private StackModels() {}

  static StackModel load(SnapshotStore snapshots, StackId id) {
    return switch (id.kind()) {
      case SERVICE -> ServiceStackModel.load(snapshots, id);
      case INGRESS -> IngressStackModel.load(snapshots, id);
      case BINDING ->
          throw new IllegalArgumentException(
              id + ": a binding stack has no model; see BindingPass");
    };
  }
}
