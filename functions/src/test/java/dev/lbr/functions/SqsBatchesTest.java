package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.reconcile.EventProcessor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lambda's SQS event and partial batch response, as the stream handlers read and write them. */
class SqsBatchesTest {

  /** An event as Lambda's SQS event source delivers it: attributes, message attributes, ... */
  static InputStream lambdaEvent() {
    return SqsBatchesTest.class.getResourceAsStream("sqs-event.json");
  }

  @Test
  void theRecordsOfAnEventAsLambdaDeliversItKeepTheirIdsAndBodies() throws IOException {
    List<SqsBatches.Record> records = SqsBatches.records(lambdaEvent());

    assertThat(SqsBatches.messages(records))
        .containsExactly(
            new EventProcessor.Message("059f36b4-87a3-44ab-83d2-661975830a7d", "first body"),
            new EventProcessor.Message("2e1424d4-f796-459a-8184-9c92662be6da", "second body"));
    assertThat(records.get(1).eventSourceArn())
        .isEqualTo("arn:aws:sqs:us-east-2:123456789012:lbr-demo-reconcile");
    assertThat(records.get(1).awsRegion()).isEqualTo("us-east-2");
    assertThat(records.get(1).receiptHandle()).startsWith("AQEB");
  }

  @Test
  void theResponseIsLambdasPartialBatchResponse() throws IOException {
    assertThat(json(new SqsBatches.Response(List.of("m1", "m\"3"))))
        .isEqualTo(
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"m1\"},{\"itemIdentifier\":\"m\\\"3\"}]}");
    assertThat(json(new SqsBatches.Response(List.of()))).isEqualTo("{\"batchItemFailures\":[]}");
  }

  @Test
  void aBatchOutcomeReportsOnlyItsFailedMessages() {
    var outcome = new EventProcessor.BatchOutcome(List.of("m2"), List.of(), List.of("m2: boom"));

    assertThat(SqsBatches.response(outcome).batchItemFailures()).containsExactly("m2");
  }

  @Test
  void whatTheEventSourceWritesTheFunctionReadsBack() throws IOException {
    List<SqsBatches.Record> batch =
        List.of(
            new SqsBatches.Record("a", "handle-a", "{\"x\":1}", "md5", "arn:q", "eu-west-1"),
            SqsBatches.Record.of("b", "second"));
    ByteArrayOutputStream event = new ByteArrayOutputStream();
    SqsBatches.writeEvent(batch, event);

    assertThat(SqsBatches.records(new ByteArrayInputStream(event.toByteArray()))).isEqualTo(batch);
    assertThat(event.toString(StandardCharsets.UTF_8)).contains("\"eventSource\":\"aws:sqs\"");
  }

  @Test
  void theEventSourceReadsTheFailedIdsOfAResponseAndNoneOfAnEmptyOne() throws IOException {
    String response = "{\"batchItemFailures\":[{\"itemIdentifier\":\"m1\"}]}";

    assertThat(SqsBatches.response(stream(response)).batchItemFailures()).containsExactly("m1");
    assertThat(SqsBatches.response(stream("")).batchItemFailures()).isEmpty();
    assertThat(SqsBatches.response(stream("null")).batchItemFailures()).isEmpty();
  }

  @Test
  void whatIsNotAnSqsEventFailsTheInvocation() {
    assertThatThrownBy(() -> SqsBatches.records(stream("{\"detail-type\":\"Scheduled Event\"}")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Records");
    assertThatThrownBy(() -> SqsBatches.records(stream("{\"Records\":[{\"body\":\"x\"}]}")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("messageId");
  }

  private static String json(SqsBatches.Response response) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SqsBatches.writeResponse(response, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
