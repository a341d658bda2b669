package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.TargetHolder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The prefix and IPv6 lookups against EC2's documented filters and replies, on canned answers: moto
 * models neither delegated prefixes ({@code Ipv4Prefixes}/{@code Ipv6Prefixes} are ignored on
 * create and assign, and DescribeInstances has no prefix filter) nor the {@code
 * ipv6-addresses.ipv6-address} filter, and its {@code addresses.private-ip-address} matches only
 * the primary address. These tests check what is asked and how the reply is read; that EC2 answers
 * so is from its API reference.
 */
class SdkTargetNetworkGatewayPrefixTest {
  private static final String NS = " xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";

  @Test
  void anUnresolvedAddressIsLookedUpByTheDelegatedPrefixAroundItOneCallPerFamily() {
    Canned ec2 =
        new Canned(
            Map.of(
                "DescribeInstances",
                "<DescribeInstancesResponse"
                    + NS
                    + "><requestId>r</requestId><reservationSet><item>"
                    + "<reservationId>r-1</reservationId><instancesSet><item>"
                    + "<instanceId>i-0a</instanceId><vpcId>vpc-1</vpcId><networkInterfaceSet>"
                    + "<item><networkInterfaceId>eni-node</networkInterfaceId><vpcId>vpc-1</vpcId>"
                    + "<groupSet><item><groupId>sg-node</groupId></item></groupSet>"
                    + "<ipv4PrefixSet><item><ipv4Prefix>10.0.3.16/28</ipv4Prefix></item>"
                    + "</ipv4PrefixSet><ipv6PrefixSet><item>"
                    + "<ipv6Prefix>2600:1f14:aa:bb00:1::/80</ipv6Prefix></item></ipv6PrefixSet>"
                    + "</item><item><networkInterfaceId>eni-plain</networkInterfaceId>"
                    + "<vpcId>vpc-1</vpcId></item>"
                    + "</networkInterfaceSet></item></instancesSet></item></reservationSet>"
                    + "</DescribeInstancesResponse>"));
    var gateway = new SdkTargetNetworkGateway(ec2.client(), SdkEc2Gateway.DeletionWait.DEFAULT);

    List<TargetHolder> holders =
        gateway.prefixHolders(List.of("10.0.3.20", "10.0.3.21", "2600:1f14:aa:bb00:1:0:0:9"));

    assertThat(ec2.requests)
        .containsExactly(
            "Action=DescribeInstances&Version=2016-11-15"
                + "&Filter.1.Name=network-interface.ipv4-prefixes.ipv4-prefix"
                + "&Filter.1.Value.1=10.0.3.16/28",
            "Action=DescribeInstances&Version=2016-11-15"
                + "&Filter.1.Name=network-interface.ipv6-prefixes.ipv6-prefix"
                + "&Filter.1.Value.1=2600:1f14:aa:bb00:1::/80");
    assertThat(holders)
        .containsExactly(
            new TargetHolder(
                "eni-node",
                "vpc-1",
                "i-0a",
                Map.of(),
                List.of("sg-node"),
                "eni-node",
                List.of("10.0.3.16/28", "2600:1f14:aa:bb00:1::/80")));
  }

  @Test
  void ipv6TargetsAreLookedUpByIpv6AddressAndSecondaryIpv4AddressesCount() {
    Canned ec2 =
        new Canned(
            Map.of(
                "DescribeNetworkInterfaces",
                "<DescribeNetworkInterfacesResponse"
                    + NS
                    + "><requestId>r</requestId><networkInterfaceSet><item>"
                    + "<networkInterfaceId>eni-node</networkInterfaceId><vpcId>vpc-1</vpcId>"
                    + "<privateIpAddress>10.0.3.5</privateIpAddress>"
                    + "<privateIpAddressesSet>"
                    + "<item><privateIpAddress>10.0.3.5</privateIpAddress></item>"
                    + "<item><privateIpAddress>10.0.3.6</privateIpAddress></item>"
                    + "</privateIpAddressesSet>"
                    + "<ipv6AddressesSet><item><ipv6Address>2600:1f14:aa:bb00::7</ipv6Address>"
                    + "</item></ipv6AddressesSet>"
                    + "<groupSet><item><groupId>sg-node</groupId></item></groupSet>"
                    + "</item></networkInterfaceSet></DescribeNetworkInterfacesResponse>"));
    var gateway = new SdkTargetNetworkGateway(ec2.client(), SdkEc2Gateway.DeletionWait.DEFAULT);

    var holders = gateway.addressHolders(List.of("10.0.3.6", "2600:1F14:AA:BB00:0:0:0:7"));

    assertThat(ec2.requests)
        .containsExactly(
            "Action=DescribeNetworkInterfaces&Version=2016-11-15"
                + "&Filter.1.Name=addresses.private-ip-address&Filter.1.Value.1=10.0.3.6",
            "Action=DescribeNetworkInterfaces&Version=2016-11-15"
                + "&Filter.1.Name=ipv6-addresses.ipv6-address"
                + "&Filter.1.Value.1=2600:1f14:aa:bb00::7");
    assertThat(holders).containsOnlyKeys("10.0.3.6", "2600:1F14:AA:BB00:0:0:0:7");
    assertThat(holders.get("10.0.3.6")).extracting(TargetHolder::id).containsExactly("eni-node");
  }

  /** An EC2 endpoint answering each action with one canned reply, recording the requests. */
  private static final class Canned implements SdkHttpClient {
    final List<String> requests = new ArrayList<>();
    private final Map<String, String> replies;

    Canned(Map<String, String> replies) {
      this.replies = replies;
    }

    Ec2Client client() {
      return Ec2Client.builder()
          .httpClient(this)
          .region(Region.US_EAST_1)
          .endpointOverride(URI.create("http://ec2.test"))
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
          .build();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() throws IOException {
          String body =
              URLDecoder.decode(
                  new String(
                      request.contentStreamProvider().orElseThrow().newStream().readAllBytes(),
                      StandardCharsets.UTF_8),
                  StandardCharsets.UTF_8);
          requests.add(body);
          String action = body.substring("Action=".length(), body.indexOf('&'));
          byte[] reply = replies.get(action).getBytes(StandardCharsets.UTF_8);
          return HttpExecuteResponse.builder()
              .response(SdkHttpResponse.builder().statusCode(200).build())
              .responseBody(AbortableInputStream.create(new ByteArrayInputStream(reply)))
              .build();
        }

        @Override
        public void abort() {}
      };
    }

    @Override
    public void close() {}
  }
}
