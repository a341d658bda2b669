package dev.lbr.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.k8s.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link GroupRule}: the scenarios' rule format and the key two rules are compared by. */
class GroupRuleTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{'protocol': 'tcp', 'port': 80, 'cidr': '10.0.0.0/8'}                  | tcp 80 from 10.0.0.0/8",
        "{'protocol': 'tcp', 'fromPort': 8080, 'toPort': 32456, 'from': 'backend'} | tcp 8080-32456 from backend",
        "{'protocol': 'all', 'from': 'node-sg', 'description': 'node to node'}   | all from node-sg",
        "{'protocol': '-1', 'fromPort': -1, 'toPort': -1, 'from': 'sg-1'}        | all from sg-1",
        "{'protocol': '6', 'fromPort': 443, 'toPort': 443, 'prefixList': 'pl-1'} | tcp 443 from pl-1",
        "{'protocol': 'udp', 'port': 53, 'cidr': '::/0'}                        | udp 53 from ::/0",
        "{'protocol': 'icmp', 'fromPort': 3, 'toPort': 4, 'cidr': '0.0.0.0/0'}  | icmp 3-4 from 0.0.0.0/0"
      })
  void aRuleIsKnownByProtocolPortsAndSource(String rule, String key) throws Exception {
    assertThat(GroupRule.parse(Json.mapper().readTree(rule.replace('\'', '"'))).key())
        .isEqualTo(key);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{'protocol': 'tcp', 'port': 80}",
        "{'protocol': 'tcp', 'port': 80, 'cidr': '10.0.0.0/8', 'from': 'node-sg'}",
        "{'port': 80, 'cidr': '10.0.0.0/8'}"
      })
  void aRuleNeedsAProtocolAndExactlyOneSource(String rule) {
    assertThatThrownBy(() -> GroupRule.parse(Json.mapper().readTree(rule.replace('\'', '"'))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
