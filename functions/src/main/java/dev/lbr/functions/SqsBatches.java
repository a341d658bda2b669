package dev.lbr.functions;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import dev.lbr.reconcile.EventProcessor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lambda's SQS event and its partial batch response ({@code ReportBatchItemFailures}) as JSON, read
 * and written with the project's mapper. The reconcile and targets functions are stream handlers:
 * had Lambda's runtime client deserialized the event into {@code aws-lambda-java-events}' {@code
 * SQSEvent}, its serialization library would have cost the first event of every cold start about
 * 350 ms (docs/deploy.md, "Cold start"). The functions read {@code Records[].messageId} and {@code
 * Records[].body} and write {@code {"batchItemFailures":[{"itemIdentifier":"..."}]}}; the other
 * half (writing an event, reading a response) is for what plays Lambda's SQS event source: {@code
 * lbr serve}, the tests, the benchmarks.
 */
public final class SqsBatches {
  private SqsBatches() {}

  /**
   * One record of the event: the fields lbr's event sources fill in (Lambda's carry more, such as
   * {@code attributes}, which are ignored). Null fields are left out of the JSON.
   */
  public record Record(
      String messageId,
      String receiptHandle,
      String body,
      String md5OfBody,
      String eventSourceArn,
      String awsRegion) {

    /** A record with only what the functions read. */
    public static Record of(String messageId, String body) {
      return new Record(messageId, null, body, null, null, null);
    }
  }

  /** The partial batch response: the ids of the messages that go back to the queue. */
  public record Response(List<String> batchItemFailures) {
    public Response {
      batchItemFailures = List.copyOf(batchItemFailures);
    }
  }

  /** The records of an SQS event; fails on JSON that is not one (the invocation then fails). */
  public static List<Record> records(InputStream event) throws IOException {
    JsonNode records = Json.mapper().readTree(event).path("Records");
    if (!records.isArray()) {
      throw new IOException("not an SQS event: no Records array");
    }
    List<Record> out = new ArrayList<>(records.size());
    for (JsonNode r : records) {
      String id = r.path("messageId").textValue();
      if (id == null) {
        throw new IOException("an SQS record without a messageId");
      }
      out.add(
          new Record(
              id,
              r.path("receiptHandle").textValue(),
              r.path("body").textValue(),
              r.path("md5OfBody").textValue(),
              r.path("eventSourceARN").textValue(),
              r.path("awsRegion").textValue()));
    }
    return out;
  }

  /** The event Lambda's SQS event source delivers for {@code records}. */
  public static void writeEvent(List<Record> records, OutputStream out) throws IOException {
    ObjectNode event = Json.mapper().createObjectNode();
    ArrayNode array = event.putArray("Records");
    for (Record r : records) {
      ObjectNode node = array.addObject();
      putIfPresent(node, "messageId", r.messageId());
      putIfPresent(node, "receiptHandle", r.receiptHandle());
      putIfPresent(node, "body", r.body());
      putIfPresent(node, "md5OfBody", r.md5OfBody());
      node.put("eventSource", "aws:sqs");
      putIfPresent(node, "eventSourceARN", r.eventSourceArn());
      putIfPresent(node, "awsRegion", r.awsRegion());
    }
    out.write(Json.mapper().writeValueAsBytes(event));
  }

  /** {@code {"batchItemFailures":[{"itemIdentifier":"..."}, ...]}}. */
  public static void writeResponse(Response response, OutputStream out) throws IOException {
    ObjectNode json = Json.mapper().createObjectNode();
    ArrayNode failures = json.putArray("batchItemFailures");
    response.batchItemFailures().forEach(id -> failures.addObject().put("itemIdentifier", id));
    out.write(Json.mapper().writeValueAsBytes(json));
  }

  /** The response as Lambda's event source reads it: an empty or null body fails no message. */
  public static Response response(InputStream in) throws IOException {
    byte[] bytes = in.readAllBytes();
    List<String> failed = new ArrayList<>();
    if (bytes.length > 0) {
      for (JsonNode f : Json.mapper().readTree(bytes).path("batchItemFailures")) {
        failed.add(f.path("itemIdentifier").asText());
      }
    }
    return new Response(failed);
  }

  /**
   * One invocation of {@code handler} with the batch, as Lambda's SQS event source makes it
   * (without a Lambda context); an exception of the handler is the invocation's failure.
   */
  public static Response invoke(RequestStreamHandler handler, List<Record> batch) {
    try {
      ByteArrayOutputStream event = new ByteArrayOutputStream();
      writeEvent(batch, event);
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(event.toByteArray()), response, null);
      return response(new ByteArrayInputStream(response.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<EventProcessor.Message> messages(List<Record> records) {
    return records.stream().map(r -> new EventProcessor.Message(r.messageId(), r.body())).toList();
  }

  /** Partial batch response: only the failed messages return to the queue. */
  static Response response(EventProcessor.BatchOutcome outcome) {
    return new Response(outcome.failedMessageIds());
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
