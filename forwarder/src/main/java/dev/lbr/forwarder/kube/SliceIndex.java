package dev.lbr.forwarder.kube;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.ObjectKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** EndpointSlice keys per {@code namespace/serviceName}, for {@link ChangeFilter}. */
final class SliceIndex {

  private final Map<String, Set<ObjectKey>> slicesByService = new HashMap<>();

  /** Indexes a slice's current version, replacing {@code previous} (any object, or null). */
  void put(K8sEndpointSlice slice, K8sObject previous) {
    remove(slice.key(), previous);
    String service = serviceOf(slice);
    if (service != null) {
      slicesByService.computeIfAbsent(service, s -> new HashSet<>()).add(slice.key());
    }
  }

  /** Forgets a slice indexed as {@code previous} (nothing when it is not a slice). */
  void remove(ObjectKey key, K8sObject previous) {
    if (previous instanceof K8sEndpointSlice old) {
      String service = serviceOf(old);
      Set<ObjectKey> slices = service == null ? null : slicesByService.get(service);
      if (slices != null) {
        slices.remove(key);
        if (slices.isEmpty()) {
          slicesByService.remove(service);
        }
      }
    }
  }

  /** The slices of a Service ({@code namespace/name}), as a copy. */
  List<ObjectKey> of(String service) {
    return List.copyOf(slicesByService.getOrDefault(service, Set.of()));
  }

  /** {@code namespace/serviceName} of a slice, or null when it names no Service. */
  static String serviceOf(K8sEndpointSlice slice) {
    String name = slice.serviceName();
    return name == null ? null : slice.metadata().namespace() + "/" + name;
  }
}
