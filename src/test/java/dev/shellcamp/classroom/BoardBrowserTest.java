package dev.shellcamp.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The board in a real browser (headless Chromium) against a real class server: learners appear
 * and move live, turn stuck, notes and settings go out from the board, Korean, a refused token.
 */
class BoardBrowserTest {
  static final String L = "linux/streams";

  @TempDir static Path browserDir;
  static ChromeDriver browser;

  @TempDir Path dir;
  ClassServer server;
  ClassClient client;

  @BeforeAll
  static void browser() throws Exception {
    browser = Browser.start(browserDir.resolve("profile"));
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void start() throws Exception {
    server = ClassServer.start(new ClassServer.Options("127.0.0.1", 0, dir.resolve("class.db").toString(), 10, 3));
    client = new ClassClient(server.url());
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aLearnerAppearsWithinASecondAndMovesLive() throws Exception {
    openBoard();
    String mina = client.join(server.code(), "Mina");
    WebElement row = wait(Duration.ofSeconds(1)).until(ExpectedConditions.presenceOfElementLocated(row(mina)));
    assertEquals("Mina", row.findElement(By.className("name")).getText());
    assertEquals("Not started", badge(mina));

    assertEquals(200, client.events(mina, List.of(ClassClient.event(1, "step_entered", L, "intro", 0, 9),
        ClassClient.event(2, "step_passed", L, "intro", 0, 9),
        ClassClient.event(3, "step_entered", L, "overwrite", 1, 9))).status());
    waitForText(row(mina), ".step", "step 2/9 overwrite");
    assertEquals("Working", badge(mina));
    String time = browser.findElement(row(mina)).findElement(By.className("time")).getText();
    assertTrue(time.matches("0:0\\d"), time);
  }

  @Test
  void theBoardShowsTheCodeToJoinForAProjector() throws Exception {
    openBoard();
    waitForText(By.id("join"), ".code", server.code());
    assertTrue(browser.findElement(By.id("join")).getAttribute("title").contains("--code " + server.code()));
  }

  @Test
  void threeFailedChecksTurnTheRowStuckAndSortItFirst() throws Exception {
    String jae = client.join(server.code(), "Jae");
    client.events(jae, List.of(ClassClient.event(1, "step_entered", L, "intro", 0, 9)));
    openBoard();
    String mina = client.join(server.code(), "Mina");
    client.events(mina, List.of(ClassClient.event(1, "step_entered", L, "overwrite", 1, 9)));
    waitForText(row(mina), ".badge", "Working");

    for (int seq = 2; seq <= 4; seq++) {
      client.events(mina, List.of(ClassClient.failed(seq, L, "overwrite", 1, 9,
          "expected 3 lines, found " + seq, "3줄이어야 하는데 " + seq + "줄이에요")));
    }
    waitForText(row(mina), ".badge", "Stuck");
    WebElement row = browser.findElement(row(mina));
    assertTrue(row.getAttribute("class").contains("st-stuck"), row.getAttribute("class"));
    assertEquals("3", row.findElement(By.className("fails")).getText());
    assertEquals("expected 3 lines, found 4", row.findElement(By.className("reason")).getText());
    assertEquals(id(mina), browser.findElement(By.cssSelector("#learners tbody tr")).getAttribute("data-id"));
    assertEquals("1 stuck", browser.findElement(By.className("stuck-count")).getText());
    // the step's class figures name it as the one where most are stuck
    WebElement hot = browser.findElement(By.cssSelector("#stats tr.hot"));
    assertTrue(hot.getText().contains("overwrite"), hot.getText());
  }

  /** The browser's own clock turns a learner stuck: here with the server already gone. */
  @Test
  void aLearnerTurnsStuckByTimeWithoutAnEvent() throws Exception {
    String mina = client.join(server.code(), "Mina");
    Map<String, Object> entered = new java.util.HashMap<>(ClassClient.event(1, "step_entered", L, "overwrite", 1, 9));
    entered.put("at", System.currentTimeMillis() - 10 * 60_000 + 6_000);
    client.events(mina, List.of(entered));
    openBoard();
    waitForText(row(mina), ".badge", "Working");
    wait(Duration.ofSeconds(5)).until(d -> "3".equals(d.findElement(By.id("stuck-fails")).getDomProperty("value")));
    server.close();
    server = null;
    waitForText(row(mina), ".badge", "Stuck");
    assertTrue(browser.findElement(row(mina)).findElement(By.className("time")).getText().startsWith("10:0"));
  }

  @Test
  void aBroadcastSentFromTheBoardReachesTheLearner() throws Exception {
    String mina = client.join(server.code(), "Mina");
    openBoard();
    browser.findElement(By.id("broadcast-text")).sendKeys("Break until 3:10");
    browser.findElement(By.cssSelector("#broadcast button[type=submit]")).click();
    waitForText(By.id("broadcast-result"), null, "Sent to 1 learner.");
    JsonNode notes = client.get("/api/notes?after=0", mina).json();
    assertEquals(1, notes.size(), notes.toString());
    assertEquals("Break until 3:10", notes.get(0).get("text").asText());
    assertEquals("broadcast", notes.get(0).get("kind").asText());
  }

  @Test
  void aHintFromALearnersPanelReachesOnlyThemAndTheTimelineShows() throws Exception {
    String mina = client.join(server.code(), "Mina");
    String jae = client.join(server.code(), "Jae");
    client.events(mina, List.of(ClassClient.event(1, "step_entered", L, "overwrite", 1, 9),
        ClassClient.failed(2, L, "overwrite", 1, 9, "no file shopping.txt", "shopping.txt 파일이 없어요")));
    openBoard();
    wait(Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(row(mina)))
        .findElement(By.className("hint-btn")).click();
    waitForText(By.id("panel-name"), null, "Mina");
    wait(Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector("#timeline li")).size() == 2);
    assertEquals("check failed", browser.findElement(By.cssSelector("#timeline li .what")).getText());
    assertEquals("no file shopping.txt", browser.findElement(By.cssSelector("#timeline li .why")).getText());
    browser.findElement(By.id("hint-text")).sendKeys("Try > instead of >>");
    browser.findElement(By.cssSelector("#hint button[type=submit]")).click();
    waitForText(By.id("hint-result"), null, "Sent to Mina.");
    assertEquals("Try > instead of >>", client.get("/api/notes?after=0", mina).json().get(0).get("text").asText());
    assertEquals(0, client.get("/api/notes?after=0", jae).json().size());
  }

  @Test
  void theSettingsFormChangesWhoIsStuck() throws Exception {
    String mina = client.join(server.code(), "Mina");
    client.events(mina, List.of(ClassClient.event(1, "step_entered", L, "overwrite", 1, 9),
        ClassClient.failed(2, L, "overwrite", 1, 9, "x", "x")));
    openBoard();
    waitForText(row(mina), ".badge", "Working");
    WebElement fails = browser.findElement(By.id("stuck-fails"));
    wait(Duration.ofSeconds(5)).until(d -> "3".equals(fails.getDomProperty("value")));
    fails.clear();
    fails.sendKeys("1");
    browser.findElement(By.cssSelector("#settings button[type=submit]")).click();
    waitForText(By.id("settings-result"), null, "Saved.");
    waitForText(row(mina), ".badge", "Stuck");
    assertEquals(1, client.get("/api/settings", server.token()).json().get("stuck_fails").asInt());
  }

  @Test
  void namesAndReasonsAreTextNotHtml() throws Exception {
    String name = "<img src=x id=pwn>";
    String cred = client.join(server.code(), name);
    client.events(cred, List.of(ClassClient.event(1, "step_entered", L, "a", 0, 2),
        ClassClient.failed(2, L, "a", 0, 2, "<b id=pwn2>bold</b>", "<b id=pwn2>bold</b>")));
    openBoard();
    waitForText(row(cred), ".name", name);
    waitForText(row(cred), ".reason", "<b id=pwn2>bold</b>");
    assertEquals(0, browser.findElements(By.id("pwn")).size());
    assertEquals(0, browser.findElements(By.id("pwn2")).size());
  }

  @Test
  void theBoardSpeaksKoreanAndRemembersIt() throws Exception {
    String mina = client.join(server.code(), "Mina");
    client.events(mina, List.of(ClassClient.event(1, "step_entered", L, "overwrite", 1, 9)));
    openBoard();
    waitForText(row(mina), ".badge", "Working");
    browser.findElement(By.cssSelector("[data-lang=ko]")).click();
    waitForText(row(mina), ".badge", "진행 중");
    assertEquals("학습자", browser.findElement(By.cssSelector("#learners thead th")).getText());
    assertEquals("9단계 중 2단계 overwrite", browser.findElement(row(mina)).findElement(By.className("step")).getText());
    assertEquals("ko", browser.findElement(By.tagName("html")).getAttribute("lang"));
    // a reload keeps the language and, from this tab's storage, the token the link gave
    browser.navigate().refresh();
    waitForText(row(mina), ".badge", "진행 중");
    assertEquals("모두에게 보내기", browser.findElement(By.cssSelector("#broadcast button[type=submit]")).getText());
  }

  @Test
  void theTokenLeavesTheAddressBar() throws Exception {
    openBoard();
    assertEquals(server.url() + "/board", browser.getCurrentUrl());
  }

  @Test
  void aWrongTokenSaysHowToGetTheLink() throws Exception {
    browser.get(server.boardUrl() + "x");
    waitForText(By.id("gate-title"), null, "The class server did not accept this link");
    assertTrue(browser.findElement(By.id("gate-text")).getText().contains("board:"));
    assertTrue(browser.findElements(By.id("board")).get(0).getAttribute("hidden") != null);
  }

  @Test
  void noTokenSaysHowToGetTheLink() throws Exception {
    browser.get(server.url() + "/board");
    browser.executeScript("sessionStorage.clear()");
    browser.navigate().refresh();
    waitForText(By.id("gate-title"), null, "Open the board with its link");
    assertTrue(browser.findElement(By.id("gate-text")).getText().contains("shellcamp class serve"));
  }

  @Test
  void reconnectsWhenTheServerComesBack() throws Exception {
    String db = dir.resolve("class.db").toString();
    int port = Integer.parseInt(server.url().substring(server.url().lastIndexOf(':') + 1));
    openBoard();
    server.close();
    waitForText(By.id("live"), null, "Reconnecting");
    assertEquals("reconnecting", browser.findElement(By.id("live")).getAttribute("data-state"));
    server = ClassServer.start(new ClassServer.Options("127.0.0.1", port, db, 10, 3));
    String mina = client.join(server.code(), "Mina");
    wait(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(row(mina)));
    assertEquals("live", browser.findElement(By.id("live")).getAttribute("data-state"));
  }

  /** The board as a projector shows it: three learners, one stuck; in English and in Korean. */
  @Test
  void screenshotsOfAClass() throws Exception {
    String mina = client.join(server.code(), "Mina");
    String jae = client.join(server.code(), "Jae-won Park");
    String su = client.join(server.code(), "Su");
    // as a class looks some minutes in: times on steps and medians that are not all 0:00
    client.events(mina, List.of(ago(14, 0, ClassClient.event(1, "lesson_started", L, "intro", 0, 9)),
        ago(14, 0, ClassClient.event(2, "step_entered", L, "intro", 0, 9)),
        ago(11, 0, ClassClient.event(3, "step_passed", L, "intro", 0, 9)),
        ago(11, 0, ClassClient.event(4, "step_entered", L, "overwrite", 1, 9)),
        ago(9, 0, ClassClient.failed(5, L, "overwrite", 1, 9, "no file shopping.txt", "shopping.txt 파일이 없어요")),
        ago(7, 0, ClassClient.event(6, "hint", L, "overwrite", 1, 9)),
        ago(6, 0, ClassClient.failed(7, L, "overwrite", 1, 9, "shopping.txt: expected 3 lines, found 1 — did > replace it?",
            "shopping.txt: 3줄이어야 하는데 1줄이에요. >가 내용을 덮어쓰지 않았나요?")),
        ago(2, 0, ClassClient.failed(8, L, "overwrite", 1, 9, "shopping.txt: expected 3 lines, found 1",
            "shopping.txt: 3줄이어야 하는데 1줄이에요"))));
    client.events(jae, List.of(ago(13, 0, ClassClient.event(1, "step_entered", L, "intro", 0, 9)),
        ago(10, 30, ClassClient.event(2, "step_passed", L, "intro", 0, 9)),
        ago(10, 30, ClassClient.event(3, "step_entered", L, "overwrite", 1, 9)),
        ago(8, 0, ClassClient.failed(4, L, "overwrite", 1, 9, "no file shopping.txt", "shopping.txt 파일이 없어요")),
        ago(5, 0, ClassClient.event(5, "step_passed", L, "overwrite", 1, 9)),
        ago(5, 0, ClassClient.event(6, "step_entered", L, "append", 2, 9))));
    client.events(su, List.of(ago(2, 0, ClassClient.event(1, "step_entered", L, "intro", 0, 9))));
    browser.manage().logs().get(LogType.BROWSER); // what earlier tests left (a refused token's 401) is read off
    openBoard();
    waitForText(row(mina), ".badge", "Stuck");
    waitForText(row(jae), ".step", "step 3/9 append");
    Path target = Path.of("target");
    Files.createDirectories(target);
    Files.write(target.resolve("board.png"), browser.getScreenshotAs(OutputType.BYTES));
    browser.findElement(By.cssSelector("[data-lang=ko]")).click();
    waitForText(row(mina), ".badge", "막힘");
    Files.write(target.resolve("board-ko.png"), browser.getScreenshotAs(OutputType.BYTES));
    browser.findElement(row(mina)).click();
    wait(Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector("#timeline li")).size() == 8);
    Files.write(target.resolve("board-panel-ko.png"), browser.getScreenshotAs(OutputType.BYTES));
    // nothing refused by the Content-Security-Policy (an inline style or script), no script error
    List<String> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    assertEquals(List.of(), severe);
  }

  // ---- helpers ----

  private void openBoard() {
    browser.get(server.boardUrl());
    waitForText(By.id("live"), null, "Live");
  }

  /** The event as if it happened this long ago. */
  private static Map<String, Object> ago(int minutes, int seconds, Map<String, Object> event) {
    Map<String, Object> e = new java.util.HashMap<>(event);
    e.put("at", System.currentTimeMillis() - (minutes * 60L + seconds) * 1000);
    return e;
  }

  private static String id(String credential) {
    return credential.substring(0, credential.indexOf('.'));
  }

  private static By row(String credential) {
    return By.cssSelector("#learners tr[data-id='" + id(credential) + "']");
  }

  private static String badge(String credential) {
    return browser.findElement(row(credential)).findElement(By.className("badge")).getText();
  }

  private static WebDriverWait wait(Duration d) {
    return new WebDriverWait(browser, d, Duration.ofMillis(50));
  }

  /** Waits until the element (or its descendant matching {@code css}) shows text starting with {@code text}. */
  private static void waitForText(By where, String css, String text) {
    wait(Duration.ofSeconds(10)).until(d -> {
      var found = d.findElements(where);
      if (found.isEmpty()) {
        return false;
      }
      WebElement e = css == null ? found.get(0) : found.get(0).findElement(By.cssSelector(css));
      return e.getText().startsWith(text);
    });
  }
}
