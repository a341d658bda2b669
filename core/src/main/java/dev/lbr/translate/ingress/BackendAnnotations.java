package dev.lbr.translate.ingress;

import dev.lbr.model.InvalidInputException;
import dev.lbr.translate.common.Annotations;
import java.util.Optional;

/**
 * The per-backend annotations of one (Ingress, Service) pair: as in LBC ({@code
 * MergeStringMap(svc.Annotations, ing.Annotations)}) the Service's annotation, when present, wins
 * over the Ingress's. Errors name the object the value came from.
 */
record BackendAnnotations(Annotations service, Annotations ingress) {

  /** The annotations that hold {@code suffix}: the Service's if it sets it, else the Ingress's. */
  Annotations source(String suffix) {
    return service.has(suffix) ? service : ingress;
  }

  boolean has(String suffix) {
    return source(suffix).has(suffix);
  }

  Optional<String> string(String suffix) {
    return source(suffix).string(suffix);
  }

  Optional<Integer> int32(String suffix) {
    return source(suffix).int32(suffix);
  }

  InvalidInputException invalid(String suffix, String problem) {
    return source(suffix).invalid(suffix, problem);
  }
}
