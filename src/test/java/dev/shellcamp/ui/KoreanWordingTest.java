package dev.shellcamp.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Korean wording rules of docs/glossary-ko.md that a machine can check: no particle set
 * apart from the placeholder it belongs to ("{0} 에서"), and none of the words the glossary
 * replaced in a lesson's ko.md.
 */
class KoreanWordingTest {
  /**
   * A particle after a blank after a placeholder. UNICODE_CHARACTER_CLASS: without it \b sees
   * Hangul as non-word characters (JDK 19 and later), so "{1} 이름으로" would match.
   */
  static final Pattern DETACHED = Pattern.compile("\\} (에서|을|를|이|가|은|는|의|로|으로)\\b",
      Pattern.UNICODE_CHARACTER_CLASS);

  /** A word the glossary replaced, and what a lesson says instead. */
  static final Map<String, String> REPLACED = Map.ofEntries(
      Map.entry("에러", "오류"),
      Map.entry("가상환경", "가상 환경"),
      Map.entry("명령어", "명령"),
      Map.entry("환경변수", "환경 변수"),
      Map.entry("가상 환경에요", "가상 환경이에요"),
      Map.entry("공개(publish)", "포트 매핑"),
      Map.entry("서비스해요", "(요청을) 받아요, 내보내요"),
      Map.entry("평평하게", "한 줄로 펼쳐"),
      Map.entry("차가운 캐시", "비어 있는 캐시"),
      Map.entry("가게 API", "쇼핑몰 API"),
      Map.entry("거르기", "필터"),
      Map.entry("쉘", "셸"),
      Map.entry("레이턴시", "지연 시간"),
      Map.entry("스루풋", "처리량"),
      Map.entry("퍼미션", "권한"),
      Map.entry("디렉토리", "폴더 (또는 디렉터리)"));

  @Test
  void thePatternFindsADetachedParticleAndLeavesAWordAlone() {
    assertTrue(DETACHED.matcher("{0} 에서 응답이 없어요").find());
    assertTrue(DETACHED.matcher("저장소 {0} 을(를) 열 수 없어요").find());
    assertFalse(DETACHED.matcher("{0}에서 응답이 없어요").find());
    assertFalse(DETACHED.matcher("{1} 이름으로 참여했어요").find(), "이름 is a word, not the particle 이");
    assertFalse(DETACHED.matcher("{0} 모델을 서빙해요").find());
  }

  @Test
  void noKoreanMessageSetsAParticleApartFromItsPlaceholder() throws IOException {
    Properties ko = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream("messages_ko.properties")) {
      ko.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    List<String> found = new ArrayList<>();
    for (String key : new TreeSet<>(ko.stringPropertyNames())) {
      String text = ko.getProperty(key);
      if (DETACHED.matcher(text).find()) {
        found.add(key + "=" + text);
      }
      for (var w : REPLACED.entrySet()) {
        if (text.contains(w.getKey())) {
          found.add(key + ": \"" + w.getKey() + "\" where the glossary says \"" + w.getValue() + "\"");
        }
      }
    }
    assertEquals(List.of(), found, "expected every particle joined to its placeholder (\"{0}에서\"); found");
  }

  @Test
  void noLessonUsesAWordTheGlossaryReplaced() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of(System.getProperty("shellcamp.lessons", "lessons")))) {
      for (Path ko : files.filter(p -> p.getFileName().toString().equals("ko.md")).sorted().toList()) {
        List<String> lines = Files.readAllLines(ko);
        for (int i = 0; i < lines.size(); i++) {
          for (var w : REPLACED.entrySet()) {
            if (lines.get(i).contains(w.getKey())) {
              found.add(ko + ":" + (i + 1) + ": \"" + w.getKey() + "\", expected \"" + w.getValue() + "\"");
            }
          }
        }
      }
    }
    assertEquals(List.of(), found, "docs/glossary-ko.md");
  }
}
