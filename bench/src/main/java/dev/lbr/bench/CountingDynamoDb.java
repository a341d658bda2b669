package dev.lbr.bench;

import dev.lbr.aws.CallCounter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;

/**
 * Counts the API calls made on a DynamoDB client into a {@link CallCounter}. Embedded DynamoDB
 * Local bypasses the SDK pipeline, so interceptors never see its calls; this proxy does. One call
 * is one request object sent (consumer-builder forms and paginator pages are routed through it).
 */
final class CountingDynamoDb implements InvocationHandler {
  private final DynamoDbClient target;
  private final CallCounter calls;

  private CountingDynamoDb(DynamoDbClient target, CallCounter calls) {
    this.target = target;
    this.calls = calls;
  }

  static DynamoDbClient wrap(DynamoDbClient target, CallCounter calls) {
    return (DynamoDbClient)
        Proxy.newProxyInstance(
            DynamoDbClient.class.getClassLoader(),
            new Class<?>[] {DynamoDbClient.class},
            new CountingDynamoDb(target, calls));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    boolean apiCall =
        args != null
            && args.length == 1
            && args[0] instanceof DynamoDbRequest
            && DynamoDbResponse.class.isAssignableFrom(method.getReturnType());
    if (apiCall) {
      calls.beforeExecution(null, attributes(method.getName()));
    } else if (method.isDefault()) {
      // Builder forms and paginators end in a request-object call on this proxy: counted there.
      return InvocationHandler.invokeDefault(proxy, method, args);
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** What the SDK would tell an interceptor: service and operation ({@code getItem → GetItem}). */
  private static ExecutionAttributes attributes(String methodName) {
    return ExecutionAttributes.builder()
        .put(SdkExecutionAttribute.SERVICE_NAME, "DynamoDB")
        .put(
            SdkExecutionAttribute.OPERATION_NAME,
            Character.toUpperCase(methodName.charAt(0)) + methodName.substring(1))
        .build();
  }
}
