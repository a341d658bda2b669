package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.lbr.drift.DriftOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The drift function stops before Lambda's timeout and leaves the rest to the next run. */
class DriftHandlerTest {

  @Test
  void anInvocationWithLessTimeLeftThanTheMarginChecksNoStackAndKeepsNoCursor() {
    Harness h = new Harness();
    h.playsScenario("01-echo-nlb", 1);

    Map<String, Object> counts =
        new DriftHandler(h.lbr.controller(), DriftOptions.defaults(), h.clock)
            .handleRequest(Map.of(), context(DriftHandler.MARGIN.toMillis() - 1));

    assertThat(counts).containsEntry("StacksChecked", 0L);
    assertThat(h.lbr.stores().drift().cursor()).isEmpty();
  }

  @Test
  void anInvocationWithTimeLeftChecksEveryStack() {
    Harness h = new Harness();
    h.playsScenario("01-echo-nlb", 1);

    Map<String, Object> counts =
        new DriftHandler(h.lbr.controller(), DriftOptions.defaults(), h.clock)
            .handleRequest(Map.of(), context(900_000));

    assertThat(counts).containsEntry("StacksChecked", 1L).containsEntry("StacksDrifted", 0L);
  }

  private static Context context(long remainingMillis) {
    return new Context() {
      public String getAwsRequestId() {
        return "req";
      }

      public String getLogGroupName() {
        return "log";
      }

      public String getLogStreamName() {
        return "stream";
      }

      public String getFunctionName() {
        return "drift";
      }

      public String getFunctionVersion() {
        return "1";
      }

      public String getInvokedFunctionArn() {
        return "arn";
      }

      public CognitoIdentity getIdentity() {
        return null;
      }

      public ClientContext getClientContext() {
        return null;
      }

      public int getRemainingTimeInMillis() {
        return (int) remainingMillis;
      }

      public int getMemoryLimitInMB() {
        return 1024;
      }

      public LambdaLogger getLogger() {
        return null;
      }
    };
  }
}
