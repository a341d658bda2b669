package dev.lbr.functions.convergence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The fault schedule of one run, over one count of every AWS (ELBv2, EC2, ACM…) and DynamoDB call
 * the functions make: a crash before call n (the process dies: nothing after it runs, not even a
 * lease release; a {@link Crash} is an {@link Error} so no catch in the code under test sees it),
 * or a lost reply after call n (the call took effect, the caller sees an error). AWS calls are
 * counted by an SDK {@link ExecutionInterceptor}, DynamoDB calls by a proxy of the client (DynamoDB
 * Local's embedded client does not run the SDK pipeline).
 */
final class Faults {
  enum Type {
    CRASH,
    LOST_REPLY
  }

  record Fault(Type type, int call) {}

  /** A fault that happened: at which call, on what. */
  record Fired(Type type, int call, String service, String operation, boolean leaseAcquisition) {
    @Override
    public String toString() {
      return type
          + "@"
          + call
          + " "
          + service
          + "."
          + operation
          + (leaseAcquisition ? " (lease)" : "");
    }
  }

  /** The simulated death of the process. */
  static final class Crash extends Error {
    Crash(String where) {
      super("simulated crash before " + where, null, false, false);
    }
  }

  private static final ExecutionAttribute<Integer> CALL =
      new ExecutionAttribute<>("lbr-fault-call");

  private final Map<Integer, Type> plan = new TreeMap<>();
  private final Map<String, Type> nextOf = new TreeMap<>();
  private final List<Fired> fired = new ArrayList<>();
  private final String leasePartition;
  private int calls;
  private boolean armed = true;

  Faults(List<Fault> faults, String cluster) {
    faults.forEach(f -> plan.putIfAbsent(f.call(), f.type()));
    this.leasePartition = cluster + "#lease";
  }

  /** Adds a fault at the next call of {@code operation} (e.g. {@code DeleteLoadBalancer}). */
  synchronized void atNext(Type type, String operation) {
    nextOf.put(operation, type);
  }

  /** From now on, no fault fires (the settle after the last fault). */
  void disarm() {
    armed = false;
  }

  int calls() {
    return calls;
  }

  List<Fired> fired() {
    return List.copyOf(fired);
  }

  /** The interceptor for the functions' AWS clients. */
  ExecutionInterceptor interceptor() {
    return new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        attributes.putAttribute(CALL, before(service, operation, false));
      }

      @Override
      public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        after(attributes.getAttribute(CALL), service, operation, false);
      }
    };
  }

  /** {@code client} with every DynamoDB call counted and subject to the schedule. */
  DynamoDbClient dynamo(DynamoDbClient client) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class
              || method.getName().endsWith("Paginator")
              || (args != null && args.length == 1 && args[0] instanceof Consumer)) {
            return method.getDeclaringClass() == Object.class
                ? method.invoke(client, args)
                : InvocationHandler.invokeDefault(proxy, method, args);
          }
          if (args == null || args.length == 0) {
            return invoke(client, method, args);
          }
          boolean lease =
              args[0] instanceof PutItemRequest put
                  && put.item().containsKey("pk")
                  && leasePartition.equals(put.item().get("pk").s());
          int call = before("DynamoDB", method.getName(), lease);
          Object result = invoke(client, method, args);
          after(call, "DynamoDB", method.getName(), lease);
          return result;
        };
    return (DynamoDbClient)
        Proxy.newProxyInstance(
            DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, handler);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private synchronized int before(String service, String operation, boolean lease) {
    int call = calls++;
    if (nextOf.containsKey(operation)) {
      plan.put(call, nextOf.remove(operation));
    }
    if (armed && plan.get(call) == Type.CRASH) {
      fired.add(new Fired(Type.CRASH, call, service, operation, lease));
      throw new Crash(service + "." + operation + " (call " + call + ")");
    }
    return call;
  }

  private synchronized void after(Integer call, String service, String operation, boolean lease) {
    if (call != null && armed && plan.get(call) == Type.LOST_REPLY) {
      fired.add(new Fired(Type.LOST_REPLY, call, service, operation, lease));
      throw SdkClientException.create(
          "simulated lost reply of " + service + "." + operation + " (call " + call + ")");
    }
  }
}
