package dev.lbr.state;

import static dev.lbr.state.ItemValues.instant;
import static dev.lbr.state.ItemValues.putIfPresent;
import static dev.lbr.state.ItemValues.string;
import static dev.lbr.state.ItemValues.strings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.lbr.k8s.Json;
import dev.lbr.model.NetworkState;
import dev.lbr.model.StackId;
import dev.lbr.model.Target;
import dev.lbr.model.TargetSource;
import java.io.UncheckedIOException;
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
    item.put(RESOURCES, ItemValues.stringMap(c.resources()));
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
        strings(item, RESOURCES),
        targets,
        string(item, LAST_ERROR),
        instant(item, UPDATED_AT),
        instant(item, VERIFIED_AT),
        network(item),
        sources(item),
        strings(item, REFUSED),
        strings(item, ATTRIBUTE_HASHES));
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
}
