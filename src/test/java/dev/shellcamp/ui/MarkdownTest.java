package dev.shellcamp.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTest {
  private static final Theme PLAIN = new Theme(false);

  private static String render(String md, int width) {
    return new Markdown(PLAIN, width).render(md);
  }

  private static List<String> lines(String rendered) {
    assertTrue(rendered.endsWith("\n"), "render ends with a newline");
    return Arrays.asList(rendered.substring(0, rendered.length() - 1).split("\n", -1));
  }

  private static void assertFits(List<String> lines, int width) {
    for (String l : lines) {
      assertTrue(Width.of(l) <= width, "wider than " + width + " (" + Width.of(l) + "): '" + l + "'");
    }
  }

  /** {@code md} rendered at {@code width}, as lines, each of which must fit that width. */
  private static List<String> fitting(String md, int width) {
    List<String> out = lines(render(md, width));
    assertFits(out, width);
    return out;
  }

  private static List<String> words(String s) {
    return Arrays.stream(s.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }

  @Test
  void headingIsUnderlined() {
    assertEquals("Streams and pipes\n───────────────────\n\nBody.\n", render("# Streams and pipes\n\nBody.\n", 80));
  }

  @Test
  void headingUnderlineIsCappedAtTheWidth() {
    List<String> out = fitting("# 파이프와 리다이렉션으로 표준 출력을 다루기\n", 20);
    assertEquals("─".repeat(20), out.get(out.size() - 1));
  }

  @Test
  void subheadingHasNoUnderline() {
    assertEquals("Hints\n\nText.\n", render("## Hints\n\nText.\n", 80));
  }

  @Test
  void paragraphWrapsAtWidthWithoutSplittingWords() {
    String text = "The shell reads one line at a time, splits it into words, expands variables and globs, "
        + "and then runs the command it names with the remaining words as its arguments.";
    List<String> out = fitting(text + "\n", 40);
    assertTrue(out.size() > 1, "the paragraph should wrap: " + out);
    for (String l : out) {
      assertEquals(l.strip(), l, "no leading or trailing spaces: '" + l + "'");
    }
    // words are whole: the lines' words, in order, are exactly the paragraph's words
    List<String> got = new ArrayList<>();
    out.forEach(l -> got.addAll(words(l)));
    assertEquals(words(text), got);
    // and the wrap is greedy: the next line's first word would not have fitted
    for (int i = 0; i + 1 < out.size(); i++) {
      String next = words(out.get(i + 1)).get(0);
      assertTrue(Width.of(out.get(i)) + 1 + Width.of(next) > 40, "line " + i + " could have taken '" + next + "'");
    }
  }

  @Test
  void goldenParagraph() {
    assertEquals("""
        Every lesson runs in its own directory,
        which is also $HOME, so exercises never
        touch your own dotfiles.
        """, render("Every lesson runs in its own directory, which is also $HOME, "
        + "so exercises never touch your own dotfiles.\n", 40));
  }

  @Test
  void koreanWrapsByDisplayWidth() {
    String text = "셸은 한 번에 한 줄씩 읽고, 그 줄을 단어로 나눈 다음 변수와 글로브를 확장하고, "
        + "첫 단어가 가리키는 명령을 나머지 단어를 인자로 삼아 실행합니다. 파이프는 한 명령의 표준 출력을 "
        + "다음 명령의 표준 입력으로 연결합니다.";
    for (int width : new int[] {20, 21, 30, 40}) {
      List<String> out = fitting(text + "\n", width);
      assertTrue(out.size() > 2, "should wrap at " + width + ": " + out);
      assertEquals(text, String.join(" ", out), "text preserved at width " + width);
    }
    assertEquals(2, Width.of("셸"));
    assertEquals(11, Width.of("표준 출력을"));
  }

  @Test
  void goldenKorean() {
    // every Hangul syllable takes two columns: "파이프는 한 명령의" is 17 columns
    assertEquals("""
        파이프는 한 명령의
        표준 출력을 다음
        명령의 표준 입력으로
        연결합니다.
        """, render("파이프는 한 명령의 표준 출력을 다음 명령의 표준 입력으로 연결합니다.\n", 20));
  }

  @Test
  void aKoreanRunWiderThanTheLineIsBrokenByCharacters() {
    String run = "가나다라마바사아자차카타파하가나다라마바사아자차카타파하"; // 28 syllables, 56 columns
    List<String> out = fitting(run + "\n", 21);
    assertEquals(run, String.join("", out));
    assertEquals(20, Width.of(out.get(0)), "an odd column left over stays empty rather than splitting a syllable");
  }

  @Test
  void bulletListWithContinuationIndent() {
    String md = """
        - first item that is long enough to wrap onto the next line
        - second
        """;
    assertEquals("""
        • first item that is long enough to
          wrap onto the next line
        • second
        """, render(md, 36));
  }

  @Test
  void numberedListWithContinuationIndent() {
    String md = """
        1. copy the file with cp and check it with ls
        2. remove the copy
        """;
    List<String> out = lines(render(md, 30));
    assertEquals(List.of(
        "1. copy the file with cp and",
        "   check it with ls",
        "2. remove the copy"), out);
  }

  @Test
  void numberedListKeepsItsStartNumberAndIndentsLongNumbers() {
    List<String> out = fitting("9. nine is a number\n10. ten has two digits and wraps\n", 20);
    assertEquals("9. nine is a number", out.get(0));
    assertTrue(out.get(1).startsWith("10. ten"), out.toString());
    assertTrue(out.get(2).startsWith("    ") && !out.get(2).startsWith("     "), "continuation under the text: " + out);
  }

  @Test
  void koreanBulletListWrapsUnderItsText() {
    String md = "- 파이프는 한 명령의 표준 출력을 다음 명령의 표준 입력으로 연결합니다\n- 두 번째\n";
    List<String> out = fitting(md, 24);
    assertTrue(out.get(0).startsWith("• 파이프는"), out.toString());
    for (int i = 1; i < out.size() - 1; i++) {
      assertTrue(out.get(i).startsWith("  ") && !out.get(i).startsWith("   "), "continuation indent: " + out);
    }
    assertEquals("• 두 번째", out.get(out.size() - 1));
  }

  @Test
  void nestedListIndentsFurther() {
    String md = """
        - outer
          - inner item that needs wrapping here
        """;
    // (a blank line separates the outer item's text from its nested list)
    List<String> out = lines(render(md, 26)).stream().filter(l -> !l.isEmpty()).toList();
    assertEquals(List.of(
        "• outer",
        "  • inner item that needs",
        "    wrapping here"), out);
  }

  @Test
  void fencedCodeIsVerbatimAndNotWrapped() {
    String longLine = "find . -maxdepth 1 -type f -name '*.txt' -exec grep -l 'apple banana' {} + | sort | uniq -c";
    String md = "Run:\n\n```bash\n" + longLine + "\n  indented   spacing  kept\n\n# 주석도 그대로\n```\n\nDone.\n";
    assertEquals("Run:\n\n"
        + "│ " + longLine + "\n"
        + "│   indented   spacing  kept\n"
        + "│ \n"
        + "│ # 주석도 그대로\n"
        + "\nDone.\n", render(md, 40));
  }

  @Test
  void codeInAListIsIndentedUnderTheItem() {
    String md = "- run this:\n\n  ```\n  ls -la\n  ```\n";
    assertEquals("• run this:\n\n  │ ls -la\n", render(md, 40));
  }

  @Test
  void tableIsAlignedByDisplayWidth() {
    String md = """
        | command | what it does |
        |---|---|
        | `ls -a` | lists hidden files too |
        | pwd | 현재 디렉터리 |
        | cd ~ | 홈으로 이동 |
        """;
    List<String> out = fitting(md, 60);
    assertEquals(5, out.size(), out.toString());
    String rule = out.get(1);
    assertTrue(rule.matches("─+┼─+"), rule);
    int cross = Width.of(rule.substring(0, rule.indexOf('┼')));
    for (int i = 0; i < out.size(); i++) {
      if (i == 1) {
        continue;
      }
      String row = out.get(i);
      int bar = row.indexOf('│');
      assertTrue(bar > 0, "a column separator in '" + row + "'");
      assertEquals(cross, Width.of(row.substring(0, bar)), "separator under the rule's cross in '" + row + "'");
      assertTrue(Width.of(row) <= Width.of(rule), "no row wider than the rule: '" + row + "'");
    }
    // padded to the rule (trailing padding of the last column is stripped), every row has its width
    for (String row : out) {
      assertEquals(Width.of(rule), Width.of(Width.padRight(row, Width.of(rule))), row);
    }
    assertEquals(List.of(
        " command │ what it does",
        "─────────┼────────────────────────",
        " ls -a   │ lists hidden files too",
        " pwd     │ 현재 디렉터리",
        " cd ~    │ 홈으로 이동"), out);
  }

  @Test
  void koreanCellsWidenTheirColumn() {
    String md = """
        | 명령 | 설명 |
        |---|---|
        | ls | 목록 |
        | 디렉터리만들기 | mkdir |
        """;
    List<String> out = lines(render(md, 60));
    int bar = Width.of(out.get(0).substring(0, out.get(0).indexOf('│')));
    assertEquals(bar, Width.of(out.get(2).substring(0, out.get(2).indexOf('│'))));
    assertEquals(bar, Width.of(out.get(3).substring(0, out.get(3).indexOf('│'))));
    assertEquals(" 디렉터리만들기 │ mkdir", out.get(3));
    assertEquals(16, bar);
  }

  @Test
  void tooWideTableFallsBackToHeaderValueLines() {
    String md = """
        | option | meaning | example |
        |---|---|---|
        | -a | show hidden files, the ones whose name starts with a dot | ls -a |
        | -l | long listing with mode, owner, size and time | ls -l |
        """;
    assertEquals("""
        • option: -a
          meaning: show hidden files, the ones whose name starts with a dot
          example: ls -a
        • option: -l
          meaning: long listing with mode, owner, size and time
          example: ls -l
        """, render(md, 40));
  }

  @Test
  void inlineCodeIsNeverSplitAcrossLines() {
    String code = "grep -rn pattern src/"; // 21 columns: fits every width tried
    String md = "To search every file below a folder for a word, type `" + code + "` and read the matches.\n";
    for (int width = 22; width <= 60; width++) {
      List<String> out = fitting(md, width);
      assertTrue(out.stream().anyMatch(l -> l.contains(code)), "'" + code + "' whole on one line at width " + width + ": " + out);
    }
  }

  @Test
  void inlineCodeInKoreanIsNeverSplit() {
    String md = "파일 안의 단어를 찾으려면 `grep -n apple fruits.txt` 처럼 입력하고 결과를 확인하세요.\n";
    for (int width = 28; width <= 50; width++) {
      List<String> out = fitting(md, width);
      assertTrue(out.stream().anyMatch(l -> l.contains("grep -n apple fruits.txt")), width + ": " + out);
    }
  }

  @Test
  void inlineCodeWiderThanTheLineIsBrokenByCharacters() {
    // documented in Wrap: a word wider than a line is broken by characters rather than overflowing
    String code = "find . -maxdepth 1 -type f -name '*.txt'";
    assertEquals("""
        Try
        find . -maxdepth 1 -type f -na
        me '*.txt' now.
        """, render("Try `" + code + "` now.\n", 30));
  }

  @Test
  void textGluedToInlineCodeIsNotBrokenOff() {
    List<String> ko = fitting("이제 다시 `fruits.txt`를 열어 내용을 확인하세요.\n", 20);
    assertTrue(ko.stream().anyMatch(l -> l.contains("fruits.txt를")), ko.toString());
    assertEquals(words("이제 다시 fruits.txt를 열어 내용을 확인하세요."), words(String.join(" ", ko)));

    List<String> en = fitting("Now please run it `ls`, then press Enter.\n", 20);
    assertTrue(en.stream().anyMatch(l -> l.contains("ls,")), en.toString());
    assertTrue(en.stream().noneMatch(l -> l.startsWith(",")), en.toString());

    List<String> bold = lines(render("Now please run it **ls**-la today.\n", 20));
    assertTrue(bold.stream().anyMatch(l -> l.contains("ls-la")), bold.toString());
  }

  @Test
  void inlineStylesAreDroppedWithoutColour() {
    assertEquals("Use bold and italic and code and a link (https://example.com).\n",
        render("Use **bold** and *italic* and `code` and a [link](https://example.com).\n", 80));
    assertFalse(render("**x** `y`\n", 80).contains("\u001b"));
  }

  @Test
  void hardLineBreakStartsANewLine() {
    assertEquals("first line\nsecond line\n", render("first line\\\nsecond line\n", 80));
  }

  @Test
  void widthBelowTwentyIsRaisedToTwenty() {
    List<String> out = lines(render("one two three four five six seven eight nine ten\n", 5));
    assertFits(out, 20);
    assertTrue(out.stream().anyMatch(l -> Width.of(l) > 5), out.toString());
  }
}
