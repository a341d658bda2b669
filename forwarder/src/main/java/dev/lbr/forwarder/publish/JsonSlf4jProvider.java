package dev.lbr.forwarder.publish;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The forwarder's SLF4J binding (META-INF/services): the libraries' logs (client-java, OkHttp, the
 * AWS SDK) become {@link JsonLog} lines. Threshold: WARN, or {@code -Dlbr.slf4j.level=info} (trace,
 * debug, info, warn, error).
 */
public final class JsonSlf4jProvider implements SLF4JServiceProvider {

  private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();
  private Level threshold = Level.WARN;

  @Override
  public ILoggerFactory getLoggerFactory() {
    return name -> loggers.computeIfAbsent(name, n -> new JsonSlf4jLogger(n, threshold));
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
    String level = System.getProperty("lbr.slf4j.level");
    if (level != null && !level.isBlank()) {
      threshold = Level.valueOf(level.strip().toUpperCase(java.util.Locale.ROOT));
    }
  }
}
