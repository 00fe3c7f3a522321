package dev.shellcamp.lab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /metrics counts exactly what was answered: N requests make every counter grow by exactly N. */
class LabMetricsTest {
  @RegisterExtension
  static final LabServerExtension lab = new LabServerExtension();

  private static final String OK = "{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[4]}]}";
  private static final String REQUESTS = "shellcamp_lab_requests_total{model=\"%s\",endpoint=\"%s\",code=\"%s\"}";
  private static final String DURATION = "shellcamp_lab_request_duration_seconds_%s{model=\"%s\",endpoint=\"%s\"%s}";

  @Test
  void countersGrowByExactlyNAfterNRequests() throws Exception {
    String before = lab.client().get("/metrics").body();
    int n = 37;
    // concurrently, over several connections: no request may be lost or counted twice
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        answers.add(pool.submit(() -> new LabClient(lab.url()).post("/v2/models/half_plus_two/infer", OK).status()));
      }
      for (Future<Integer> f : answers) {
        assertEquals(200, f.get());
      }
    } finally {
      pool.shutdown();
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(400, lab.client().post("/v2/models/iris/infer", "{}").status());
    }
    assertEquals(404, lab.client().post("/v2/models/typo/infer", OK).status());
    String after = lab.client().get("/metrics").body();

    assertEquals(n, delta(before, after, String.format(REQUESTS, "half_plus_two", "infer", "200")));
    assertEquals(3, delta(before, after, String.format(REQUESTS, "iris", "infer", "400")));
    assertEquals(1, delta(before, after, String.format(REQUESTS, "", "infer", "404")), "unknown names share the \"\" series");
    assertEquals(n, delta(before, after, String.format(DURATION, "count", "half_plus_two", "infer", "")));
    assertEquals(n, delta(before, after, String.format(DURATION, "bucket", "half_plus_two", "infer", ",le=\"+Inf\"")));
    assertTrue(value(after, String.format(DURATION, "sum", "half_plus_two", "infer", "")) > 0);
    assertTrue(!after.contains("typo"), "a mistyped model name makes no series of its own");
  }

  @Test
  void bucketsAreCumulativeAndEndAtTheCount() {
    lab.client().assertStillServes();
    String text = lab.client().get("/metrics").body();
    Matcher m = Pattern.compile("_bucket\\{model=\"half_plus_two\",endpoint=\"infer\",le=\"[^\"]+\"} (\\d+)").matcher(text);
    long last = 0;
    int buckets = 0;
    while (m.find()) {
      long v = Long.parseLong(m.group(1));
      assertTrue(v >= last, "buckets must not decrease:\n" + text);
      last = v;
      buckets++;
    }
    assertEquals(16, buckets, text);
    assertEquals(last, value(text, String.format(DURATION, "count", "half_plus_two", "infer", "")));
  }

  @Test
  void scrapingDoesNotCountItself() {
    String a = lab.client().get("/metrics").body();
    String b = lab.client().get("/metrics").body();
    assertEquals(a.replaceAll("(?m)^shellcamp_lab_in_flight_requests.*$", ""),
        b.replaceAll("(?m)^shellcamp_lab_in_flight_requests.*$", ""));
  }

  private static long delta(String before, String after, String series) {
    return (long) (value(after, series) - value(before, series));
  }

  /** A series' value, 0 where it does not exist yet (Prometheus counters start at their first use). */
  private static double value(String text, String series) {
    for (String line : text.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1));
      }
    }
    return 0;
  }
}
