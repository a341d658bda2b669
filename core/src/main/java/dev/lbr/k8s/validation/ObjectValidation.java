package dev.lbr.k8s.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kubernetes API server's own validation of the objects the contract carries, applied to the
 * projection (events and manifests alike): what {@code kubectl apply} would refuse gets no further
 * here. Pure. Every problem is returned, each at its field path ({@code spec.ports[0].port}),
 * schema errors (a string where a number belongs) included. The annotation-level rules of the load
 * balancer are not here but in the model builders.
 */
public final class ObjectValidation {
  private ObjectValidation() {}

  /** Everything wrong with a projected object of this kind; empty when it is valid. */
  public static List<FieldError> errors(Kind kind, JsonNode projected) {
    List<FieldError> errors = new ArrayList<>();
    Field object = Field.root(projected, errors);
    if (!object.object()) {
      return errors;
    }
    MetadataValidation.validate(kind, object.child("metadata"));
    switch (kind) {
      case SERVICE -> ServiceValidation.validate(object.child("spec"));
      case ENDPOINT_SLICE -> EndpointSliceValidation.validate(object);
      case INGRESS -> IngressValidation.validate(object.child("spec"));
      case INGRESS_CLASS -> IngressClassValidation.validate(object.child("spec"));
      case INGRESS_CLASS_PARAMS -> {
        // a CRD: its spec is the model builders' to check
      }
      case NODE -> NodeValidation.validate(object);
      case TARGET_GROUP_BINDING -> TargetGroupBindingValidation.validate(object.child("spec"));
      case POD -> PodValidation.validate(object);
    }
    return List.copyOf(errors);
  }

  /** The problems with an object's identity alone (a delete event may carry nothing else). */
  public static List<FieldError> nameErrors(Kind kind, String namespace, String name) {
    List<FieldError> errors = new ArrayList<>();
    MetadataValidation.name(kind, name)
        .ifPresent(p -> errors.add(new FieldError("metadata.name", p)));
    if (kind.namespaced() && namespace != null && !namespace.isEmpty()) {
      Syntax.dns1123Label(namespace)
          .ifPresent(p -> errors.add(new FieldError("metadata.namespace", p)));
    }
    return List.copyOf(errors);
  }
}
