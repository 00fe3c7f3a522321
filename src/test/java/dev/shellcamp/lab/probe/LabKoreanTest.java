package dev.shellcamp.lab.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.lab.LabText;
import dev.shellcamp.lab.load.LoadGenerator;
import dev.shellcamp.lab.load.LoadRenderer;
import dev.shellcamp.lab.load.LoadReport;
import dev.shellcamp.lab.load.LoadTest;
import dev.shellcamp.lab.load.LoadTestServer;
import dev.shellcamp.ui.Messages;
import dev.shellcamp.ui.Width;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The lab's reports in Korean, from real runs: the learner reads Korean sentences, ids and
 * technical terms stay as they are, and --json stays English for scripts. Messages answers a
 * key it cannot find with the key itself, and a key only the English bundle has with English,
 * so both are looked for.
 */
class LabKoreanTest {
  private static final Messages KO = Messages.of("ko");
  /** A bundle key left in the text: what Messages returns for a key that no bundle has. */
  private static final Pattern KEY = Pattern.compile("\\blab\\.[a-z]");

  @Test
  void everyLabKeyHasAKoreanText() throws IOException {
    Properties en = load("messages.properties");
    Properties ko = load("messages_ko.properties");
    Set<String> missing = labKeys(en);
    missing.removeAll(labKeys(ko));
    assertEquals(Set.of(), missing, "lab keys with no Korean text");
    Set<String> orphans = labKeys(ko);
    orphans.removeAll(labKeys(en));
    assertEquals(Set.of(), orphans, "Korean lab keys English does not have");
  }

  @Test
  void probeReportReadsInKoreanAndItsJsonStaysEnglish() throws Exception {
    try (ProbeBrokenServer server = new ProbeBrokenServer()) {
      var o = ProbeSuite.Options.defaults(java.net.URI.create(server.url()));
      o = new ProbeSuite.Options(o.base(), o.model(), o.rate(), Duration.ofMillis(500), Duration.ZERO,
          o.sloP95(), o.sloP99(), o.timeout());
      ProbeReport report = ProbeSuite.run(o);
      String text = report.render(KO);
      assertFalse(KEY.matcher(text).find(), text);
      assertTrue(text.startsWith("lab check " + server.url() + " · 모델 half_plus_two\n"), text);
      assertTrue(text.endsWith("\n통과 26개, 실패 3개, 경고 1개, 건너뜀 0개\n"
          + "경고(프로토콜이 요구하지 않는 보강 권고라서 검사를 실패시키지 않아요): metrics-count\n"), text);
      String nan = line(text, "nan-in-data");
      assertTrue(nan.matches("✗ nan-in-data +기대한 응답은 4xx \\(400 또는 422\\)인데 결과는 500 \\(\\d+ ms\\)"
          + " \\(클라이언트의 실수가 서버의 잘못처럼 보이면 안 돼요\\)"), nan);
      assertTrue(line(text, "metrics-count").matches("! metrics-count +/metrics가 없어요 .*"), text);
      int advice = text.indexOf("\n보강 권고(V2에는 없음): 여기서 나온 경고는 검사를 실패시키지 않아요\n");
      assertTrue(advice > 0 && text.indexOf("\n! metrics-count") > advice, "the warning under the advice heading:\n" + text);
      assertTrue(line(text, "latency-slo").matches("✓ latency-slo +p95 [0-9.]+ ms \\(SLO 50 ms\\), .*ok"), text);
      // every reason is Korean: no English sentence survived in a case line
      for (String l : text.split("\n")) {
        assertFalse(l.contains(" expected ") || l.contains(" got ") || l.contains(" after "), l);
      }
      assertTrue(report.firstFailure(KO).startsWith("`nan-in-data` 케이스: 기대한 응답은 4xx (400 또는 422)인데"), report.firstFailure(KO));
      @SuppressWarnings("unchecked")
      var cases = (List<Map<String, Object>>) report.toJson().get("cases");
      String reason = (String) cases.stream().filter(c -> c.get("id").equals("nan-in-data")).findFirst().orElseThrow()
          .get("reason");
      assertTrue(reason.startsWith("expected 4xx (400 or 422), got 500 after "), reason);
    }
  }

  @Test
  void loadReportReadsInKoreanWithItsColumnsAligned() throws Exception {
    try (var server = new LoadTestServer(Executors.newFixedThreadPool(2),
        n -> n % 4 == 0 ? new LoadTestServer.Reply(500, "{\"error\":\"boom\"}", 0) : LoadTestServer.Reply.ok())) {
      LoadReport run = new LoadGenerator(LoadTest.plan(server.uri(), 100, 1000, 0, null)).run();
      // a saturation warning needs a machine that cannot keep up; the run's own figures stay real
      LoadReport r = new LoadReport(run.plan(), run.sent(), run.ok(), run.errors(), run.achievedRate(), run.latency(),
          run.timeline(), run.histogram(), List.of(LabText.of("lab.load.busy", 32, 7)));
      String text = LoadRenderer.render(r, KO);
      assertFalse(KEY.matcher(text).find(), text);
      long failed = r.errors().status().get(500);
      assertTrue(text.contains("requests   보냄 100개 · 성공 " + r.ok() + "개 · 오류 " + failed + "개\n"), text);
      assertTrue(text.contains("errors     상태 코드 500: " + failed + "\n"), text);
      assertTrue(text.contains("latency    p50 "), "p50, p95, ms stay as they are:\n" + text);
      assertTrue(text.contains("지연 시간 히스토그램 (ms, 로그 눈금)"), text);
      assertTrue(text.contains("부하 생성기 포화: 연결 32개가 모두 바빠서 요청 7개가 늦게 나갔어요"), text);
      List<String> lines = List.of(text.split("\n"));
      int head = lines.indexOf("초 단위") + 1;
      assertTrue(head > 0, text);
      assertEquals(Width.of(lines.get(head + 1)), Width.of(lines.get(head)), "heading as wide as a row:\n" + text);
      assertTrue(r.toJson().get("warnings").toString().contains("generator saturated: all 32 connections"),
          "--json stays English");
    }
  }

  private static String line(String text, String id) {
    return text.lines().filter(l -> l.matches("^[✓✗!-] " + Pattern.quote(id) + " .*")).findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + id + " in\n" + text));
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  private static Set<String> labKeys(Properties p) {
    return p.stringPropertyNames().stream().filter(k -> k.startsWith("lab.")).collect(Collectors.toCollection(TreeSet::new));
  }
}
