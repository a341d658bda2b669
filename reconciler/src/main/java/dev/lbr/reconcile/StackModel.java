package dev.lbr.reconcile;

import dev.lbr.event.StackResult;
import dev.lbr.model.ClusterFacts;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.StackId;
import dev.lbr.model.Target;
import dev.lbr.model.TargetSource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The stored inputs of one stack and the pure functions over them. */
interface StackModel {

  StackId id();

  /**
   * A hash of everything the load balancer, listeners and target groups are built from, except the
   * endpoints. When it equals the checkpoint's, only targets can have changed.
   */
  String inputHash();

  /** The whole desired stack; throws {@code InvalidInputException} for bad input. */
  DesiredStack build(ClusterFacts facts);

  /** The objects the stack serves now (none when it is to be deleted). */
  List<StackResult.Member> members();

  /** Just the desired targets by target group resource id: needs no AWS facts. */
  Map<String, Set<Target>> targets();

  /**
   * Where each target group's targets come from, by target group resource id; meaningful only for
   * input that {@link #build} accepts. The checkpoint keeps them, so the targets of the last valid
   * spec follow the endpoints while a newer spec is refused.
   */
  Map<String, TargetSource> targetSources();
}
