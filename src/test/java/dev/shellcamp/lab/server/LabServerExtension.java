package dev.shellcamp.lab.server;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A lab server in the test's own JVM, serving every model on a free loopback port: started before
 * the test class's first test, stopped after its last. In the class:
 * {@code @RegisterExtension static final LabServerExtension lab = new LabServerExtension();}
 */
public final class LabServerExtension implements BeforeAllCallback, AfterAllCallback {
  private final Map<String, String> properties;
  private LabServer server;
  private LabClient client;

  public LabServerExtension() {
    this(Map.of());
  }

  private LabServerExtension(Map<String, String> properties) {
    this.properties = properties;
  }

  /**
   * A server started with these system properties set, given as name, value, name, value (the
   * documented way to change its limits); they are put back as they were once it has started.
   */
  static LabServerExtension withProperties(String... nameValue) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      m.put(nameValue[i], nameValue[i + 1]);
    }
    return new LabServerExtension(m);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Map<String, String> before = new HashMap<>();
    properties.forEach((k, v) -> before.put(k, System.setProperty(k, v)));
    try {
      server = LabServer.start(new LabServer.Options("127.0.0.1", 0, null, "test"));
    } finally {
      before.forEach((k, v) -> {
        if (v == null) {
          System.clearProperty(k);
        } else {
          System.setProperty(k, v);
        }
      });
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.stop();
    }
  }

  public LabServer server() {
    return server;
  }

  public String url() {
    return server.url();
  }

  public int port() {
    return server.port();
  }

  /** An HTTP client for this server, made at its first use. */
  LabClient client() {
    if (client == null) {
      client = new LabClient(server.url());
    }
    return client;
  }
}
