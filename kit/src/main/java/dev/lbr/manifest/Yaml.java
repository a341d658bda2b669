package dev.lbr.manifest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The YAML twin of {@link dev.lbr.k8s.Json} for manifests. It lives in the kit so that neither the
 * functions jar nor forwarder.jar carries a YAML parser.
 */
public final class Yaml {
  private static final ObjectMapper YAML =
      YAMLMapper.builder(new YAMLFactory())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private Yaml() {}

  public static ObjectMapper mapper() {
    return YAML;
  }
}
