package dev.lbr.translate.service;

import dev.lbr.k8s.K8sService;
import dev.lbr.model.ClusterFacts;
import dev.lbr.model.StackId;
import dev.lbr.translate.common.Annotations;

/** What every builder of one Service's stack reads: the Service, its annotations and the facts. */
record ServiceContext(K8sService service, Annotations annotations, ClusterFacts facts) {

  static ServiceContext of(K8sService service, ClusterFacts facts) {
    return new ServiceContext(service, Annotations.of(service, ServiceAnnotation.PREFIX), facts);
  }

  String namespace() {
    return service.metadata().namespace();
  }

  String name() {
    return service.metadata().name();
  }

  /** The Service UID; empty when the projection lacks one. */
  String uid() {
    String uid = service.metadata().uid();
    return uid == null ? "" : uid;
  }

  StackId stackId() {
    return StackId.service(namespace(), name());
  }
}
