package dev.lbr.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.lbr.k8s.Json;
import dev.lbr.model.NetworkState;
import dev.lbr.model.StackId;
import dev.lbr.model.Target;
import dev.lbr.model.TargetSource;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Checkpoint items. {@code resources} is a map of strings; {@code targets} a map from target group
 * resource id to a string set of {@code ip:port} (an empty set, which DynamoDB cannot store, is an
 * empty list). Instants are ISO-8601 strings; absent values are absent attributes. {@code network}
 * is the JSON of the stack's {@link NetworkState}, {@code sources} the JSON of its target groups'
 * {@link TargetSource}s; {@code refused} and {@code attributeHashes} are maps of strings.
 */
final class CheckpointItems {
  static final String VERSION = "version";
  static final String STATUS = "status";
  static final String INPUT_HASH = "inputHash";
  static final String DESIRED_HASH = "desiredHash";
  static final String RESOURCES = "resources";
  static final String TARGETS = "targets";
  static final String LAST_ERROR = "lastError";
  static final String UPDATED_AT = "updatedAt";
  static final String VERIFIED_AT = "verifiedAt";
  static final String NETWORK = "network";
  static final String SOURCES = "sources";
  static final String REFUSED = "refused";
  static final String ATTRIBUTE_HASHES = "attributeHashes";

  private static final TypeReference<TreeMap<String, TargetSource>> SOURCES_TYPE =
      new TypeReference<>() {};

  private CheckpointItems() {}

  /** The item of {@code c} at {@code version}, under its {@code key}. */
  static Map<String, AttributeValue> item(
      Map<String, AttributeValue> key, Checkpoint c, long version) {
    Map<String, AttributeValue> item = new HashMap<>(key);
    item.put(VERSION, AttributeValue.fromN(Long.toString(version)));
    item.put(STATUS, AttributeValue.fromS(c.status().name()));
    putIfPresent(item, INPUT_HASH, c.inputHash());
    putIfPresent(item, DESIRED_HASH, c.desiredHash());
    Map<String, AttributeValue> resources = new HashMap<>();
    c.resources().forEach((k, v) -> resources.put(k, AttributeValue.fromS(v)));
    item.put(RESOURCES, AttributeValue.fromM(resources));
    Map<String, AttributeValue> targets = new HashMap<>();
    c.targets()
        .forEach(
            (k, v) ->
                targets.put(
                    k,
                    v.isEmpty()
                        ? AttributeValue.fromL(List.of())
                        : AttributeValue.fromSs(v.stream().map(Target::key).toList())));
    item.put(TARGETS, AttributeValue.fromM(targets));
    putIfPresent(item, LAST_ERROR, c.lastError());
    putIfPresent(item, UPDATED_AT, c.updatedAt() == null ? null : c.updatedAt().toString());
    putIfPresent(item, VERIFIED_AT, c.verifiedAt() == null ? null : c.verifiedAt().toString());
    if (!c.network().isNone()) {
      item.put(NETWORK, AttributeValue.fromS(Json.write(c.network())));
    }
    putIfPresent(item, REFUSED, c.refused());
    putIfPresent(item, ATTRIBUTE_HASHES, c.attributeHashes());
    if (!c.sources().isEmpty()) {
      item.put(SOURCES, AttributeValue.fromS(Json.write(new TreeMap<>(c.sources()))));
    }
    return item;
  }

  static Checkpoint read(Map<String, AttributeValue> item) {
    Map<String, String> resources = new LinkedHashMap<>();
    item.get(RESOURCES).m().forEach((k, v) -> resources.put(k, v.s()));
    Map<String, Set<Target>> targets = new LinkedHashMap<>();
    item.get(TARGETS)
        .m()
        .forEach(
            (k, v) ->
                targets.put(
                    k,
                    v.hasSs()
                        ? v.ss().stream().map(Target::parse).collect(Collectors.toSet())
                        : Set.of()));
    return new Checkpoint(
        StackId.parse(item.get(StateTable.SK).s()),
        Long.parseLong(item.get(VERSION).n()),
        Checkpoint.Status.valueOf(item.get(STATUS).s()),
        string(item, INPUT_HASH),
        string(item, DESIRED_HASH),
        resources,
        targets,
        string(item, LAST_ERROR),
        instant(item, UPDATED_AT),
        instant(item, VERIFIED_AT),
        network(item),
        sources(item),
        strings(item, REFUSED),
        strings(item, ATTRIBUTE_HASHES));
  }

  /** A map of strings; empty when absent. */
  private static Map<String, String> strings(Map<String, AttributeValue> item, String name) {
    Map<String, String> strings = new LinkedHashMap<>();
    AttributeValue v = item.get(name);
    if (v != null) {
      v.m().forEach((k, s) -> strings.put(k, s.s()));
    }
    return strings;
  }

  private static Map<String, TargetSource> sources(Map<String, AttributeValue> item) {
    String json = string(item, SOURCES);
    if (json == null) {
      return Map.of();
    }
    try {
      return Json.mapper().readValue(json, SOURCES_TYPE);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static NetworkState network(Map<String, AttributeValue> item) {
    String json = string(item, NETWORK);
    return json == null ? NetworkState.NONE : Json.read(json, NetworkState.class);
  }

  private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, AttributeValue.fromS(value));
    }
  }

  /** A map of strings; absent when empty. */
  private static void putIfPresent(
      Map<String, AttributeValue> item, String name, Map<String, String> strings) {
    if (!strings.isEmpty()) {
      Map<String, AttributeValue> m = new HashMap<>();
      strings.forEach((k, v) -> m.put(k, AttributeValue.fromS(v)));
      item.put(name, AttributeValue.fromM(m));
    }
  }

  private static String string(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }

  private static Instant instant(Map<String, AttributeValue> item, String name) {
    String s = string(item, name);
    return s == null ? null : Instant.parse(s);
  }
}
