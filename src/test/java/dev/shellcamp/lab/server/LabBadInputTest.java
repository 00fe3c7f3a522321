package dev.shellcamp.lab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad request gets a specific 4xx with {"error"}, and the server goes on answering. */
class LabBadInputTest {
  @RegisterExtension
  static final LabServerExtension lab = new LabServerExtension();

  @AfterEach
  void serverStillAnswers() {
    lab.client().assertStillServes();
  }

  private static final String HPT = "/v2/models/half_plus_two/infer";

  /** A half_plus_two request with one input whose fields are given as raw JSON text. */
  private static String x(String shape, String datatype, String data) {
    return "{\"inputs\":[{\"name\":\"x\",\"shape\":" + shape + ",\"datatype\":" + datatype + ",\"data\":" + data + "}]}";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "malformed JSON         | {\"inputs\": [                     | invalid JSON at byte 12: expected a value, got end of input",
      "trailing comma         | {\"inputs\": [],}                  | invalid JSON at byte 14: trailing comma before '}'",
      "NaN literal            | `" + "{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[NaN]}]}`"
          + " | invalid JSON at byte 61: unexpected 'N' (NaN and Infinity are not JSON numbers)",
      "Infinity literal       | `{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[-Infinity]}]}`"
          + " | invalid JSON at byte 62: unexpected 'I' (NaN and Infinity are not JSON numbers)",
      "body not an object     | [1, 2]                               | the request body must be a JSON object like {\"inputs\": [...]}, got a list",
      "missing inputs         | {}                                   | missing field 'inputs' (a list of {name, shape, datatype, data})",
      "inputs not a list      | {\"inputs\": {}}                     | 'inputs' must be a list, got an object",
      "empty inputs           | {\"inputs\": []}                     | 'inputs' is empty; send at least one input tensor",
      "input not an object    | {\"inputs\": [3]}                    | inputs[0] must be an object with name, shape, datatype and data, got the number 3",
      "missing name           | {\"inputs\": [{\"shape\": [1]}]}     | inputs[0]: missing field 'name'",
      "name not a string      | {\"inputs\": [{\"name\": 7}]}        | inputs[0]: 'name' must be a string, got the number 7",
      "missing shape          | {\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"data\": [1]}]} | input 'x': missing field 'shape'",
      "missing datatype       | {\"inputs\": [{\"name\": \"x\", \"shape\": [1], \"data\": [1]}]}        | input 'x': missing field 'datatype'",
      "missing data           | {\"inputs\": [{\"name\": \"x\", \"shape\": [1], \"datatype\": \"FP32\"}]} | input 'x': missing field 'data'",
      "id not a string        | {\"id\": 5, \"inputs\": []}          | 'id' must be a string, got the number 5",
      "requested output bad   | `{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1]}],\"outputs\":[{\"name\":\"z\"}]}`"
          + " | requested output 'z' does not exist; half_plus_two has: y",
      "duplicate input        | `{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1]},{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1]}]}`"
          + " | input 'x' appears twice in 'inputs'",
      "unknown input name     | `{\"inputs\":[{\"name\":\"q\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1]}]}`"
          + " | model 'half_plus_two' has no input 'q'; its input is 'x'",
  })
  void protocolMistakes(String name, String body, String error) {
    assertBadRequest(HPT, body, 400, error);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "shape/data mismatch     | [2]     | \"FP32\" | [1,2,3]       | input 'x': shape [2] needs 2 values, got 3",
      "too few values          | [3,1]   | \"FP32\" | [1,2]         | input 'x': shape [3, 1] needs 3 values, got 2",
      "wrong datatype          | [1]     | \"FP64\" | [1]           | input 'x': datatype FP64 does not match the model's FP32",
      "unknown datatype        | [1]     | \"FLOAT\" | [1]          | input 'x': unknown datatype 'FLOAT' (V2 datatypes: BOOL, UINT8..UINT64, INT8..INT64, FP16, FP32, FP64, BYTES)",
      "datatype not a string   | [1]     | 32       | [1]           | input 'x': 'datatype' must be a string, got the number 32",
      "wrong rank              | [2,2]   | \"FP32\" | [1,2,3,4]     | input 'x': shape [2, 2] does not fit; half_plus_two takes [N] or [N, 1]",
      "empty batch             | [0]     | \"FP32\" | []            | input 'x': empty batch (shape [0]); send at least one value",
      "negative dimension      | [-1]    | \"FP32\" | [1]           | input 'x': shape[0] must be a non-negative integer, got the number -1",
      "fractional dimension    | [1.5]   | \"FP32\" | [1]           | input 'x': shape[0] must be a non-negative integer, got the number 1.5",
      "shape not a list        | 3       | \"FP32\" | [1]           | input 'x': 'shape' must be a list of non-negative integers, got the number 3",
      "data not a list         | [1]     | \"FP32\" | 1             | input 'x': 'data' must be a list, got the number 1",
      "NaN as a string         | [2]     | \"FP32\" | [1,\"NaN\"]   | input 'x': data[1] is the string \"NaN\"; NaN and Infinity are not allowed, send finite numbers",
      "Infinity as a string    | [1]     | \"FP32\" | [\"Infinity\"] | input 'x': data[0] is the string \"Infinity\"; NaN and Infinity are not allowed, send finite numbers",
      "-inf as a string        | [1]     | \"FP32\" | [\"-inf\"]    | input 'x': data[0] is the string \"-inf\"; NaN and Infinity are not allowed, send finite numbers",
      "number as a string      | [1]     | \"FP32\" | [\"1.5\"]     | input 'x': data[0] must be a number, got the string \"1.5\" (send numbers without quotes)",
      "null value              | [2]     | \"FP32\" | [1,null]      | input 'x': data[1] must be a number, got null",
      "boolean value           | [1]     | \"FP32\" | [true]        | input 'x': data[0] must be a number, got true",
      "beyond FP32             | [1]     | \"FP32\" | [1e39]        | input 'x': data[0] = 1.0E39 is outside the FP32 range (about ±3.4e38)",
      "beyond double           | [1]     | \"FP32\" | [1e400]       | invalid JSON at byte 61: number 1e400 is out of range",
      "nested deeper than shape| [2]     | \"FP32\" | [[1],[2]]     | input 'x': data[0] is a list, but shape [2] has only 1 dimension",
      "nested mixed            | [2,1]   | \"FP32\" | [[1],2]       | input 'x': data[1] must be a list of 1 (shape [2, 1]), got the number 2",
      "nested wrong length     | [2,1]   | \"FP32\" | [[1],[2,3]]   | input 'x': data[1] has 2 entries; shape [2, 1] needs 1 there",
  })
  void tensorMistakes(String name, String shape, String datatype, String data, String error) {
    assertBadRequest(HPT, x(shape, datatype, data), 400, error);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "iris wrong width     | /v2/models/iris/infer | `{\"inputs\":[{\"name\":\"features\",\"shape\":[1,3],\"datatype\":\"FP32\",\"data\":[1,2,3]}]}`"
          + " | input 'features': shape [1, 3] does not fit; iris takes [N, 4] (N rows of sepal_length_cm, sepal_width_cm, petal_length_cm, petal_width_cm)",
      "iris ragged          | /v2/models/iris/infer | `{\"inputs\":[{\"name\":\"features\",\"shape\":[2,4],\"datatype\":\"FP32\",\"data\":[[1,2,3,4],[1,2,3]]}]}`"
          + " | input 'features': data[1] has 3 entries; shape [2, 4] needs 4 there",
      "tf missing instances | /v1/models/iris:predict | {\"rows\": []} | missing field 'instances' (a list with one entry per example)",
      "tf columnar          | /v1/models/iris:predict | {\"inputs\": []} | the columnar {\"inputs\": ...} format is not supported here; send {\"instances\": [...]}",
      "tf empty             | /v1/models/iris:predict | {\"instances\": []} | 'instances' is empty; send at least one instance",
      "tf not a list        | /v1/models/iris:predict | {\"instances\": 4} | 'instances' must be a list, got the number 4",
      "tf named instances   | /v1/models/iris:predict | `{\"instances\": [{\"features\": [1,2,3,4]}]}` | named instances ({\"name\": value}) are not supported; send each instance as a number or a list of numbers",
      "tf ragged            | /v1/models/iris:predict | `{\"instances\": [[1,2,3,4],[1,2,3]]}` | input 'features': instances[1] has 3 entries; shape [2, 4] needs 4 there",
      "tf NaN string        | /v1/models/half_plus_two:predict | `{\"instances\": [1, \"nan\"]}` | input 'x': instances[1] is the string \"nan\"; NaN and Infinity are not allowed, send finite numbers",
      "tf body not object   | /v1/models/half_plus_two:predict | [1] | the request body must be a JSON object like {\"instances\": [...]}, got a list",
  })
  void modelAndShimMistakes(String name, String path, String body, String error) {
    assertBadRequest(path, body, 400, error);
  }

  @Test
  void nestingDeeperThan64() {
    assertBadRequest(HPT, "[".repeat(100) + "]".repeat(100), 400, "invalid JSON at byte 64: nesting deeper than 64 levels");
  }

  @Test
  void invalidUtf8() {
    byte[] body = {'{', '"', (byte) 0xFF, '"', ':', '1', '}'};
    assertError(lab.client().send("POST", HPT, BodyPublishers.ofByteArray(body), "application/json"), 400,
        "invalid JSON at byte 2: invalid UTF-8 byte 0xff");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "text/plain                        | Content-Type must be application/json, got 'text/plain'",
      "application/x-www-form-urlencoded | Content-Type must be application/json, got 'application/x-www-form-urlencoded' (curl -d sends that; add -H 'Content-Type: application/json')",
      "application/json; charset=latin1  | JSON must be UTF-8, got charset 'latin1'",
  })
  void wrongContentTypeIs415(String type, String error) {
    assertError(lab.client().send("POST", HPT, BodyPublishers.ofString(x("[1]", "\"FP32\"", "[1]")), type), 415, error);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "GET    | /v2/models/half_plus_two/infer   | POST | method GET is not allowed on /v2/models/half_plus_two/infer; use POST",
      "POST   | /v2/health/live                  | GET  | method POST is not allowed on /v2/health/live; use GET",
      "DELETE | /v2/models/iris                  | GET  | method DELETE is not allowed on /v2/models/iris; use GET",
      "PUT    | /v1/models/iris:predict          | POST | method PUT is not allowed on /v1/models/iris:predict; use POST",
  })
  void wrongMethodIs405WithAllow(String method, String path, String allow, String error) {
    LabClient.Response r = assertError(lab.client().send(method, path, BodyPublishers.ofString("{}"), "application/json"),
        405, error);
    assertEquals(allow, r.headers().firstValue("Allow").orElse(null));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "/v2/models/nope/infer              | unknown model 'nope'; this server has: half_plus_two, iris",
      "/v2/models/iris/versions/2/infer   | model 'iris' has no version '2'; it has: 1",
      "/v1/models/nope:predict            | unknown model 'nope'; this server has: half_plus_two, iris",
  })
  void unknownModelOrVersionIs404(String path, String error) {
    assertBadRequest(path, x("[1]", "\"FP32\"", "[1]"), 404, error);
  }

  @Test
  void unknownPathIs404() {
    LabClient.Response r = lab.client().get("/v3/models");
    assertEquals(404, r.status());
    assertTrue(r.error().startsWith("no such endpoint: /v3/models (this server has /v2, /v2/health/live"), r.error());
    assertEquals(404, lab.client().get("/v2/models/iris/versions").status());
    assertEquals(404, lab.client().get("/v2/models/nope").status());
  }

  private static void assertBadRequest(String path, String body, int status, String error) {
    assertError(lab.client().post(path, body), status, error);
  }

  /** {@code r} has this status and this {"error"} sentence. */
  private static LabClient.Response assertError(LabClient.Response r, int status, String error) {
    assertEquals(status, r.status(), r.body());
    assertEquals(error, r.error());
    return r;
  }

  static {
    // the CSV rows above are ASCII-only except '±'; make sure the source was read as UTF-8
    assertEquals(2, "±".getBytes(StandardCharsets.UTF_8).length);
  }
}
