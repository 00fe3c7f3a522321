package dev.shellcamp.lab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every endpoint over real HTTP, with the models' golden values. */
class LabServerTest {
  @RegisterExtension
  static final LabServerExtension lab = new LabServerExtension();

  private static final String IRIS_3 = "{\"id\":\"flowers-1\",\"inputs\":[{\"name\":\"features\",\"shape\":[3,4],"
      + "\"datatype\":\"FP32\",\"data\":[[5.1,3.5,1.4,0.2],[7.0,3.2,4.7,1.4],[6.3,3.3,6.0,2.5]]}]}";

  @Test
  void bindsLoopbackOnTheAskedPort() {
    assertTrue(lab.url().startsWith("http://127.0.0.1:"), lab.url());
    assertTrue(lab.port() > 0);
    assertEquals(List.of("half_plus_two", "iris"), lab.server().models());
  }

  @Test
  void healthEndpoints() {
    assertEquals(Map.of("live", true), lab.client().get("/v2/health/live").json());
    assertEquals(Map.of("ready", true), lab.client().get("/v2/health/ready").json());
    assertEquals(200, lab.client().get("/v2/health/ready/").status(), "a trailing slash is forgiven");
  }

  @Test
  void serverMetadata() {
    assertEquals(Map.of("name", "shellcamp", "version", "test", "extensions", List.of()), lab.client().get("/v2").json());
  }

  @Test
  void modelMetadataWithAndWithoutVersion() {
    Map<?, ?> m = lab.client().get("/v2/models/iris").json();
    assertEquals("iris", m.get("name"));
    assertEquals(List.of("1"), m.get("versions"));
    assertEquals("shellcamp_softmax", m.get("platform"));
    assertEquals(List.of(Map.of("name", "features", "datatype", "FP32", "shape", List.of(-1L, 4L))), m.get("inputs"));
    assertEquals(List.of(Map.of("name", "class", "datatype", "BYTES", "shape", List.of(-1L)),
        Map.of("name", "probabilities", "datatype", "FP32", "shape", List.of(-1L, 3L))), m.get("outputs"));
    assertEquals(m, lab.client().get("/v2/models/iris/versions/1").json());
    assertEquals("half_plus_two", lab.client().get("/v2/models/half_plus_two").json().get("name"));
  }

  @Test
  void modelReadiness() {
    assertEquals(Map.of("name", "iris", "version", "1", "ready", true), lab.client().get("/v2/models/iris/ready").json());
    assertEquals(200, lab.client().get("/v2/models/half_plus_two/versions/1/ready").status());
    assertEquals(404, lab.client().get("/v2/models/half_plus_two/versions/2/ready").status());
    assertEquals(404, lab.client().get("/v2/models/nope/ready").status());
  }

  @Test
  void halfPlusTwoGoldenValuesWithIdEchoed() {
    Map<?, ?> r = lab.client().post("/v2/models/half_plus_two/infer",
        "{\"id\":\"req-42\",\"inputs\":[{\"name\":\"x\",\"shape\":[3],\"datatype\":\"FP32\",\"data\":[1,2,5]}]}").json();
    assertEquals(Map.of("model_name", "half_plus_two", "model_version", "1", "id", "req-42", "outputs",
        List.of(Map.of("name", "y", "shape", List.of(3L), "datatype", "FP32", "data", List.of(2.5, 3.0, 4.5)))), r);
    assertEquals(List.of("model_name", "model_version", "id", "outputs"), List.copyOf(r.keySet()));
  }

  @Test
  void halfPlusTwoTakesNByOneFlatOrNestedAndAVersionedPath() {
    for (String data : List.of("[1,2,5]", "[[1],[2],[5]]")) {
      Map<?, ?> r = lab.client().post("/v2/models/half_plus_two/versions/1/infer",
          "{\"inputs\":[{\"name\":\"x\",\"shape\":[3,1],\"datatype\":\"FP32\",\"data\":" + data + "}]}").json();
      Map<?, ?> y = (Map<?, ?>) ((List<?>) r.get("outputs")).get(0);
      assertEquals(List.of(3L, 1L), y.get("shape"));
      assertEquals(List.of(2.5, 3.0, 4.5), y.get("data"));
      assertFalse(r.containsKey("id"), "no id asked, none echoed");
    }
  }

  @Test
  void irisGoldenClasses() {
    Map<?, ?> r = lab.client().post("/v2/models/iris/infer", IRIS_3).json();
    assertEquals("flowers-1", r.get("id"));
    List<?> outputs = (List<?>) r.get("outputs");
    Map<?, ?> cls = (Map<?, ?>) outputs.get(0);
    assertEquals(Map.of("name", "class", "shape", List.of(3L), "datatype", "BYTES",
        "data", List.of("setosa", "versicolor", "virginica")), cls);
    Map<?, ?> p = (Map<?, ?>) outputs.get(1);
    assertEquals(List.of(3L, 3L), p.get("shape"));
    assertEquals(9, ((List<?>) p.get("data")).size());
    assertEquals(0.983, ((Number) ((List<?>) p.get("data")).get(0)).doubleValue(), 0.001);
  }

  @Test
  void requestedOutputsOnly() {
    String body = IRIS_3.replace("]}]}", "]}],\"outputs\":[{\"name\":\"class\"}]}");
    List<?> outputs = (List<?>) lab.client().post("/v2/models/iris/infer", body).json().get("outputs");
    assertEquals(1, outputs.size());
    assertEquals("class", ((Map<?, ?>) outputs.get(0)).get("name"));
  }

  @Test
  void tfServingShim() {
    assertEquals(Map.of("predictions", List.of(2.5, 3.0, 4.5)),
        lab.client().post("/v1/models/half_plus_two:predict", "{\"instances\": [1.0, 2.0, 5.0]}").json());
    assertEquals(Map.of("predictions", List.of(List.of(2.5), List.of(3.0))),
        lab.client().post("/v1/models/half_plus_two/versions/1:predict", "{\"instances\": [[1], [2]]}").json());
    List<?> p = (List<?>) lab.client().post("/v1/models/iris:predict",
        "{\"instances\": [[5.1,3.5,1.4,0.2],[6.3,3.3,6.0,2.5]]}").json().get("predictions");
    assertEquals("setosa", ((Map<?, ?>) p.get(0)).get("class"));
    assertEquals("virginica", ((Map<?, ?>) p.get(1)).get("class"));
    assertEquals(3, ((List<?>) ((Map<?, ?>) p.get(1)).get("probabilities")).size());
  }

  @Test
  void contentTypeWithParametersOrNoneIsAccepted() {
    String body = "{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1]}]}";
    for (String type : new String[] {"application/json; charset=utf-8", "Application/JSON;charset=\"UTF-8\"", null}) {
      LabClient.Response r = lab.client().send("POST", "/v2/models/half_plus_two/infer", BodyPublishers.ofString(body), type);
      assertEquals(200, r.status(), type + ": " + r.body());
    }
  }

  @Test
  void metricsAreInPrometheusTextFormat() {
    lab.client().assertStillServes();
    LabClient.Response r = lab.client().get("/metrics");
    assertEquals(200, r.status());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
    String text = r.body();
    assertTrue(text.contains("# TYPE shellcamp_lab_requests_total counter\n"), text);
    assertTrue(text.contains("# TYPE shellcamp_lab_request_duration_seconds histogram\n"), text);
    String series = "{model=\"half_plus_two\",endpoint=\"infer\"";
    for (String name : List.of("_bucket" + series + ",le=\"0.005\"}", "_bucket" + series + ",le=\"+Inf\"}", "_sum" + series
        + "}", "_count" + series + "}")) {
      assertTrue(text.contains("shellcamp_lab_request_duration_seconds" + name), name + " missing in\n" + text);
    }
    assertTrue(text.contains("shellcamp_lab_requests_total{model=\"half_plus_two\",endpoint=\"infer\",code=\"200\"}"));
    assertTrue(text.contains("shellcamp_lab_in_flight_requests 1\n"), "the scrape itself is in flight:\n" + text);
  }

  @Test
  void keepAliveConnectionServesManyRequests() {
    for (int i = 0; i < 200; i++) {
      assertEquals(200, lab.client().get("/v2/health/live").status());
    }
    lab.client().assertStillServes();
  }
}
