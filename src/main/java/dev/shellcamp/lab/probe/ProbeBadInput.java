package dev.shellcamp.lab.probe;

import dev.shellcamp.lab.LabText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request that a server must turn down with a 4xx, and then keep serving. Built from the
 * model's good request with one thing broken, so each case tests exactly one mistake.
 *
 * @param path null for the model's infer endpoint
 * @param mistake what the server accepted when it answers 2xx ("NaN in data")
 * @param accepted the statuses that count as turning it down: 400 or 422, plus 413, 415 or 404 where they fit
 * @param section ERRORS where the protocol makes the request invalid; HARDENING where only prudence
 *     refuses it (V2 sets no body limit, and says nothing of unknown input names or other content types)
 */
record ProbeBadInput(String id, LabText mistake, String path, byte[] body, String contentType,
    Set<Integer> accepted, ProbeSection section) {

  private static final Set<Integer> BAD_REQUEST = Set.of(400, 422);
  /** The largest body a server must read; the oversize case sends half as much again. */
  static final int LIMIT = 1 << 20;

  static List<ProbeBadInput> all(ProbeModel m) {
    double[] good = m.first().x();
    String row = ProbeModel.json(good);
    String shape = m.shape(good.length / m.width());
    String name = m.input();
    String dt = m.datatype();
    List<ProbeBadInput> l = new ArrayList<>();
    l.add(bad("malformed-json", "{\"inputs\": [{\"name\": \"" + name + "\", \"shape\": " + shape));
    l.add(bad("empty-body", ""));
    l.add(bad("json-array", "[" + m.tensor(good) + "]"));
    l.add(bad("missing-inputs", "{\"id\":\"probe\"}"));
    l.add(bad("inputs-not-list", "{\"inputs\":" + m.tensor(good) + "}"));
    l.add(bad("empty-inputs", "{\"inputs\":[]}"));
    l.add(bad("missing-data",
        ProbeModel.request("{\"name\":\"" + name + "\",\"shape\":" + shape + ",\"datatype\":\"" + dt + "\"}")));
    l.add(bad("wrong-datatype", LabText.of("lab.bad.wrong-datatype", dt),
        ProbeModel.request(ProbeModel.tensor(name, shape, "INT8", row))));
    l.add(bad("shape-mismatch",
        ProbeModel.request(ProbeModel.tensor(name, m.shape(3), dt, row))));
    l.add(bad("nan-in-data", withFirst(m, good, "NaN")));
    l.add(bad("infinity-in-data", withFirst(m, good, "Infinity")));
    l.add(bad("strings-in-data", ProbeModel.request(ProbeModel.tensor(name, shape, dt,
        "[" + String.join(",", java.util.Collections.nCopies(good.length, "\"abc\"")) + "]"))));
    l.add(bad("nested-wrong-shape", nested(m)));
    l.add(advice("unknown-input", utf8(ProbeModel.request(ProbeModel.tensor("no_such_input", shape, dt, row))),
        "application/json", BAD_REQUEST));
    // shape [0] with no data is a consistent tensor: refusing it is prudence, not the protocol
    l.add(advice("empty-batch", utf8(ProbeModel.request(ProbeModel.tensor(name, m.shape(0), dt, "[]"))),
        "application/json", BAD_REQUEST));
    l.add(advice("body-over-1mib", oversize(m), "application/json", with(413)));
    l.add(advice("wrong-content-type", utf8(m.request(m.first())), "text/plain", with(415)));
    // V2 says "usually 400" for a failed request; HTTP's own word for an unknown resource is 404
    l.add(new ProbeBadInput("unknown-model", LabText.of("lab.bad.unknown-model"), "/v2/models/no_such_model/infer",
        utf8(m.request(m.first())), "application/json", Set.of(400, 404), ProbeSection.ERRORS));
    return l;
  }

  /** "4xx (400 or 422)", "404". */
  LabText expected() {
    List<String> codes = new TreeSet<>(accepted).stream().map(String::valueOf).toList();
    return codes.size() == 1 ? LabText.of("lab.codes.one", codes.get(0)) : LabText.of("lab.codes.any",
        String.join(", ", codes.subList(0, codes.size() - 1)), codes.get(codes.size() - 1));
  }

  private static ProbeBadInput bad(String id, String body) {
    return bad(id, LabText.of("lab.bad." + id), body);
  }

  private static ProbeBadInput bad(String id, LabText mistake, String body) {
    return new ProbeBadInput(id, mistake, null, utf8(body), "application/json", BAD_REQUEST, ProbeSection.ERRORS);
  }

  /** A request the protocol lets a server take, which a careful one refuses anyway. */
  private static ProbeBadInput advice(String id, byte[] body, String contentType, Set<Integer> accepted) {
    return new ProbeBadInput(id, LabText.of("lab.bad." + id), null, body, contentType, accepted, ProbeSection.HARDENING);
  }

  private static Set<Integer> with(int code) {
    Set<Integer> s = new TreeSet<>(BAD_REQUEST);
    s.add(code);
    return Set.copyOf(s);
  }

  /** The good request with its first value replaced by a bare token (NaN, Infinity: not JSON, but Python writes them). */
  private static String withFirst(ProbeModel m, double[] good, String token) {
    String rest = ProbeModel.json(Arrays.copyOfRange(good, 1, good.length));
    String data = "[" + token + (good.length > 1 ? "," + rest.substring(1) : "]");
    return ProbeModel.request(ProbeModel.tensor(m.input(), m.shape(good.length / m.width()), m.datatype(), data));
  }

  private static String nested(ProbeModel m) {
    String tooWide = ProbeModel.json(new double[m.width() + 1]);
    return ProbeModel.request(ProbeModel.tensor(m.input(), "[2," + m.width() + "]", m.datatype(),
        "[" + tooWide + "," + tooWide + "]"));
  }

  /**
   * A well-formed request half as large again as the limit: a server with no limit answers
   * it with a 200, which is the mistake this case is there to catch.
   */
  private static byte[] oversize(ProbeModel m) {
    int rows = (LIMIT * 3 / 2) / (2 * m.width()) + 1; // "1," is two bytes a value
    StringBuilder data = new StringBuilder(LIMIT * 2).append('[');
    for (int i = 0; i < rows * m.width(); i++) {
      data.append(i == 0 ? "1" : ",1");
    }
    data.append(']');
    return utf8(ProbeModel.request(ProbeModel.tensor(m.input(), m.shape(rows), m.datatype(), data.toString())));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
