package dev.shellcamp.lab.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which endpoint a request path names, and the model and version in it (null where none). */
record Route(Endpoint endpoint, String model, String version) {
  enum Endpoint {
    LIVE("GET"), READY("GET"), SERVER("GET"), MODEL("GET"), MODEL_READY("GET"), INFER("POST"), PREDICT("POST"),
    METRICS("GET"), NONE("GET");

    final String method;

    Endpoint(String method) {
      this.method = method;
    }

    /** The value of the {@code endpoint} label in /metrics. */
    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static final String KNOWN = "/v2, /v2/health/live, /v2/health/ready, /v2/models/{name}[/versions/{v}][/ready|/infer],"
      + " /v1/models/{name}[/versions/{v}]:predict, /metrics";

  private static final Pattern V2_MODEL = Pattern.compile("/v2/models/([^/]+)(?:/versions/([^/]+))?(/ready|/infer)?");
  private static final Pattern V1_PREDICT = Pattern.compile("/v1/models/([^/:]+)(?:/versions/([^/:]+))?:predict");

  static Route parse(String rawPath) {
    // one trailing slash is forgiven: curl users type /v2/health/ready/ as often as not
    String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
    switch (path) {
      case "/v2/health/live":
        return new Route(Endpoint.LIVE, null, null);
      case "/v2/health/ready":
        return new Route(Endpoint.READY, null, null);
      case "/v2":
        return new Route(Endpoint.SERVER, null, null);
      case "/metrics":
        return new Route(Endpoint.METRICS, null, null);
      default:
        break;
    }
    Matcher m = V2_MODEL.matcher(path);
    if (m.matches()) {
      Endpoint e = m.group(3) == null ? Endpoint.MODEL : m.group(3).equals("/ready") ? Endpoint.MODEL_READY
          : Endpoint.INFER;
      return new Route(e, m.group(1), m.group(2));
    }
    m = V1_PREDICT.matcher(path);
    if (m.matches()) {
      return new Route(Endpoint.PREDICT, m.group(1), m.group(2));
    }
    return new Route(Endpoint.NONE, null, null);
  }
}
