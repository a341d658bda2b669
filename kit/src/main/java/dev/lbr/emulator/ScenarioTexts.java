package dev.lbr.emulator;

import dev.lbr.emulator.NetworkSpec.NodeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rewrites a scenario's step and expected texts for the network made from its {@code network.json}:
 * each Node's made-up instance id (in {@code spec.providerID}) becomes the instance made for that
 * Node name, everywhere, its providerID naming the instance's zone; {@code ${NAME}} variables
 * ({@code CERT_ARN}, {@code SG_<role>}, {@code INSTANCE_<node>}) expand. Also says where the steps'
 * Nodes disagree with {@code network.json} ({@code network:} lines).
 */
public final class ScenarioTexts {
  private final Map<String, String> variables;
  private final Map<String, String> providerIds = new LinkedHashMap<>();
  private final Map<String, String> instanceIds = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  private ScenarioTexts(Map<String, String> variables) {
    this.variables = Map.copyOf(variables);
  }

  /**
   * {@code stepTexts} are every step of the scenario, as written; {@code variables} adds to the
   * network's own ({@code CERT_ARN}).
   */
  public static ScenarioTexts of(
      PreparedNetwork network, Map<String, String> variables, List<String> stepTexts) {
    Map<String, String> all = new TreeMap<>(variables);
    all.putAll(network.variables());
    ScenarioTexts texts = new ScenarioTexts(all);
    stepTexts.forEach(text -> StepNodes.of(text).forEach(node -> texts.map(network, node)));
    return texts;
  }

  private void map(PreparedNetwork network, StepNodes node) {
    NodeSpec spec = network.spec().nodes().get(node.name());
    String real = network.instanceIds().get(node.name());
    if (spec == null || real == null) {
      problem("network: node " + node.name() + " of the steps has no instance in network.json");
      return;
    }
    if (node.internalIp() != null && !node.internalIp().equals(spec.privateIp())) {
      problem(
          "network: node "
              + node.name()
              + "'s InternalIP "
              + node.internalIp()
              + " is not its network.json privateIp "
              + spec.privateIp());
    }
    String madeUp = node.instanceId();
    if (madeUp == null || madeUp.equals(real)) {
      return;
    }
    String previous = instanceIds.putIfAbsent(madeUp, real);
    if (previous != null && !previous.equals(real)) {
      problem("network: instance id " + madeUp + " names more than one node in the steps");
    }
    providerIds.put(
        node.providerId(), "aws:///" + network.instanceZones().get(node.name()) + "/" + real);
  }

  private void problem(String line) {
    if (!problems.contains(line)) {
      problems.add(line);
    }
  }

  /** A step or expected text with real ids for made-up ones and its variables expanded. */
  public String rewrite(String text) {
    for (var e : providerIds.entrySet()) {
      text = text.replace(e.getKey(), e.getValue());
    }
    for (var e : instanceIds.entrySet()) {
      text = text.replace(e.getKey(), e.getValue());
    }
    for (var e : variables.entrySet()) {
      text = text.replace("${" + e.getKey() + "}", e.getValue());
    }
    return text;
  }

  /** A diff line with the made-up instance ids back, as the scenario files write them. */
  public String restore(String line) {
    for (var e : instanceIds.entrySet()) {
      line = line.replace(e.getValue(), e.getKey());
    }
    return line;
  }

  /** {@code network:} lines: Nodes without an instance, InternalIPs that are not the privateIp. */
  public List<String> problems() {
    return List.copyOf(problems);
  }
}
