package dev.lbr.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.testing.AwsEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Deploys the app to moto's CloudFormation the way {@code cdk deploy} does into a bootstrapped
 * account: the synthesizer is CDK's default one (nothing test-only in the template), so the test
 * plays {@code cdk bootstrap} and the CLI's asset publishing: it writes the bootstrap version
 * parameter, creates the asset bucket and uploads each file asset named in {@code *.assets.json},
 * then creates the stack from the synthesized template.
 */
final class MotoDeployment {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final URI endpoint = AwsEmulator.endpoint();
  private final String region = AwsEmulator.region();
  private final StaticCredentialsProvider credentials =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

  /** What the deployed stack holds. */
  record Deployed(Stack stack, List<StackResourceSummary> resources) {
    String output(String key) {
      return stack.outputs().stream()
          .filter(o -> o.outputKey().equals(key))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no output " + key))
          .outputValue();
    }

    /** The physical id of the one resource whose logical id starts with the prefix. */
    String physicalId(String logicalIdPrefix) {
      List<StackResourceSummary> found =
          resources.stream()
              .filter(r -> r.logicalResourceId() != null)
              .filter(r -> r.logicalResourceId().startsWith(logicalIdPrefix))
              .toList();
      if (found.size() != 1) {
        throw new AssertionError(found.size() + " resources named " + logicalIdPrefix + "*");
      }
      return found.get(0).physicalResourceId();
    }
  }

  CloudFormationClient cloudFormation() {
    return CloudFormationClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(credentials)
        .build();
  }

  /** Synthesizes into {@code outdir}, "bootstraps", publishes the assets, creates the stack. */
  Deployed deploy(Map<String, String> context, Path outdir) throws Exception {
    App app = new App(AppProps.builder().outdir(outdir.toString()).build());
    context.forEach((k, v) -> app.getNode().setContext(k, v));
    Settings settings = Settings.from(app.getNode()::tryGetContext);
    String stackName = "lbr-" + settings.clusterName();
    new LbrStack(
        app,
        stackName,
        StackProps.builder().build(),
        new LbrStack.Props(
            settings, TestStacks.functionsJar(), TestStacks.root().resolve("forwarder/deploy")));
    app.synth();

    String account = account();
    bootstrap();
    publishAssets(outdir.resolve(stackName + ".assets.json"), outdir, account);
    String template = forMotoGaps(Files.readString(outdir.resolve(stackName + ".template.json")));
    try (CloudFormationClient cfn = cloudFormation()) {
      cfn.createStack(
          b ->
              b.stackName(stackName)
                  .templateBody(template)
                  .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM));
      Stack stack = waitForCompletion(cfn, stackName);
      return new Deployed(
          stack,
          cfn
              .listStackResourcesPaginator(b -> b.stackName(stackName))
              .stackResourceSummaries()
              .stream()
              .toList());
    }
  }

  /**
   * The only changes made to the synthesized template, each for a moto bug (not AWS behaviour):
   *
   * <ul>
   *   <li>moto's AWS::Events::Archive handler parses {@code EventPattern} as a JSON string and
   *       fails with a 500 on an object, which CloudFormation accepts (the property's type is
   *       Json): the same pattern is passed serialized;
   *   <li>in moto, {@code Ref} of an AWS::Events::EventBus yields its internal object instead of
   *       the bus name (AWS returns the name), so a rule's {@code EventBusName: {Ref: Bus}} fails
   *       with a 500: every such Ref (rules, outputs) is replaced by the bus's declared {@code
   *       Name};
   *   <li>moto's CloudFormation does not model AWS::Lambda::Alias (nor Version): it skips them and
   *       a {@code Ref} to one resolves to nothing. Where the template points a trigger at the
   *       {@code live} alias (an event source mapping's {@code FunctionName}, a rule target's or a
   *       permission's {@code Arn}/{@code FunctionName}), it is pointed at the function itself.
   * </ul>
   */
  static String forMotoGaps(String template) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(template);
    Map<String, String> busNames = new HashMap<>();
    root.path("Resources")
        .fields()
        .forEachRemaining(
            e -> {
              if ("AWS::Events::EventBus".equals(e.getValue().path("Type").asText())) {
                busNames.put(e.getKey(), e.getValue().path("Properties").path("Name").asText());
              }
            });
    Map<String, String> aliasFunctions = new HashMap<>();
    root.path("Resources")
        .fields()
        .forEachRemaining(
            e -> {
              if ("AWS::Lambda::Alias".equals(e.getValue().path("Type").asText())) {
                aliasFunctions.put(
                    e.getKey(),
                    e.getValue().path("Properties").path("FunctionName").path("Ref").asText());
              }
            });
    for (JsonNode resource : (Iterable<JsonNode>) root.path("Resources")::elements) {
      if (!"AWS::Lambda::Alias".equals(resource.path("Type").asText())) {
        pointAliasesAtFunctions(resource, aliasFunctions);
      }
      if ("AWS::Events::Archive".equals(resource.path("Type").asText())) {
        ObjectNode props = (ObjectNode) resource.path("Properties");
        if (props.path("EventPattern").isObject()) {
          props.put("EventPattern", JSON.writeValueAsString(props.path("EventPattern")));
        }
      }
    }
    return JSON.writeValueAsString(replaceRefs(root, busNames));
  }

  /** The node with every {@code {"Ref": id}} of the map replaced by the map's text. */
  private static JsonNode replaceRefs(JsonNode node, Map<String, String> refs) {
    if (node.isObject() && node.size() == 1 && refs.containsKey(node.path("Ref").asText())) {
      return JSON.getNodeFactory().textNode(refs.get(node.path("Ref").asText()));
    }
    if (node instanceof ObjectNode object) {
      object.fields().forEachRemaining(e -> e.setValue(replaceRefs(e.getValue(), refs)));
    } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, replaceRefs(array.get(i), refs));
      }
    }
    return node;
  }

  private static void pointAliasesAtFunctions(JsonNode node, Map<String, String> aliasFunctions) {
    if (node instanceof ObjectNode object) {
      for (String field : List.of("FunctionName", "Arn")) {
        JsonNode value = object.get(field);
        if (value != null) {
          for (var alias : aliasFunctions.entrySet()) {
            if (value.toString().contains("{\"Ref\":\"" + alias.getKey() + "\"}")) {
              ObjectNode arn = JSON.createObjectNode();
              arn.putArray("Fn::GetAtt").add(alias.getValue()).add("Arn");
              object.set(field, arn);
            }
          }
        }
      }
    }
    if (node.isContainerNode()) {
      node.elements().forEachRemaining(child -> pointAliasesAtFunctions(child, aliasFunctions));
    }
  }

  private static Stack waitForCompletion(CloudFormationClient cfn, String stackName)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(120);
    while (true) {
      Stack stack = cfn.describeStacks(b -> b.stackName(stackName)).stacks().get(0);
      if (!stack.stackStatusAsString().endsWith("_IN_PROGRESS")
          || Instant.now().isAfter(deadline)) {
        return stack;
      }
      Thread.sleep(500);
    }
  }

  /** What {@code cdk bootstrap} leaves that the template checks: the version parameter. */
  private void bootstrap() {
    try (SsmClient ssm =
        SsmClient.builder()
            .endpointOverride(endpoint)
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .build()) {
      ssm.putParameter(
          b ->
              b.name("/cdk-bootstrap/hnb659fds/version")
                  .value("30")
                  .type(ParameterType.STRING)
                  .overwrite(true));
    }
  }

  /** Uploads every file asset to its destination bucket and key, as the CLI's publishing step. */
  private void publishAssets(Path manifest, Path outdir, String account) throws Exception {
    JsonNode files = JSON.readTree(manifest.toFile()).path("files");
    for (var asset : (Iterable<Map.Entry<String, JsonNode>>) files::fields) {
      JsonNode source = asset.getValue().path("source");
      if (!"file".equals(source.path("packaging").asText())) {
        throw new AssertionError("only file assets are expected, got " + source);
      }
      Path file = outdir.resolve(source.path("path").asText());
      for (JsonNode destination : asset.getValue().path("destinations")) {
        String bucket = placeholders(destination.path("bucketName").asText(), account);
        String key = placeholders(destination.path("objectKey").asText(), account);
        s3Put("/" + bucket, HttpRequest.BodyPublishers.noBody());
        s3Put("/" + bucket + "/" + key, HttpRequest.BodyPublishers.ofFile(file));
      }
    }
  }

  private String placeholders(String s, String account) {
    return s.replace("${AWS::AccountId}", account).replace("${AWS::Region}", region);
  }

  /** moto accepts unsigned path-style S3 requests (the SDK's S3 module is not on this mirror). */
  private void s3Put(String path, HttpRequest.BodyPublisher body)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(endpoint.resolve(path)).PUT(body).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2 && !response.body().contains("BucketAlreadyOwnedByYou")) {
      throw new IllegalStateException(
          "S3 PUT " + path + ": " + response.statusCode() + " " + response.body());
    }
  }

  /** The emulator's account id (STS GetCallerIdentity, query protocol). */
  private String account() throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=test/20250101/" + region + "/sts/aws4_request")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "Action=GetCallerIdentity&Version=2011-06-15"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("<Account>(\\d{12})</Account>").matcher(response.body());
    if (!m.find()) {
      throw new IllegalStateException("no account in " + response.body());
    }
    return m.group(1);
  }

  /**
   * Pauses every Lambda event source mapping. moto cannot run Java functions (no Docker), and with
   * a mapping enabled it would try to invoke one for each message sent to a queue; paused, the
   * messages stay in the queues for the test to read (as a paused consumer would in AWS).
   */
  List<String> pauseEventSourceMappings() throws IOException, InterruptedException {
    HttpResponse<String> list =
        HTTP.send(
            HttpRequest.newBuilder(endpoint.resolve("/2015-03-31/event-source-mappings/"))
                .header(
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=test/20250101/" + region + "/lambda/aws4_request")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    List<String> paused = new ArrayList<>();
    for (JsonNode m : JSON.readTree(list.body()).path("EventSourceMappings")) {
      String uuid = m.path("UUID").asText();
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(endpoint.resolve("/2015-03-31/event-source-mappings/" + uuid))
                  .header(
                      "Authorization",
                      "AWS4-HMAC-SHA256 Credential=test/20250101/"
                          + region
                          + "/lambda/aws4_request")
                  .header("Content-Type", "application/json")
                  .PUT(HttpRequest.BodyPublishers.ofString("{\"Enabled\": false}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new IllegalStateException("cannot pause mapping " + uuid + ": " + r.body());
      }
      paused.add(m.path("EventSourceArn").asText());
    }
    return paused;
  }
}
