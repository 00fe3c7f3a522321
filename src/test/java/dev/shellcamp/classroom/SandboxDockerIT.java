package dev.shellcamp.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shellcamp.docker.TutorImage;
import dev.shellcamp.sandbox.Limits;
import dev.shellcamp.sandbox.Setup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Real Docker sandboxes of the tutor image behind the class server: a learner's terminal over
 * the WebSocket, resize, reconnect, cull and resume, the container's limits, clean-up, and the
 * learner's page in headless Chromium. The steps build on one learner's sandbox, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxDockerIT {
  static final Duration BOOT = Duration.ofSeconds(60);
  static final Duration SOON = Duration.ofSeconds(20);
  static final String PROMPT = "linux/shell-basics 1/10 ❯";

  Path dir;
  Setup setup;
  ClassServer server;
  ClassClient client;
  JsonNode ana;
  String bystander;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    dir = tmp;
    String image = TutorImage.ensure();
    // a container this class did not make, which clean-up must leave alone
    bystander = TutorImage.cli(1, "docker", "create", "--label", "dev.shellcamp.class=someone-else", image, "doctor")
        .output().strip();
    setup = new Setup("docker", image, "default", new Limits(1.0, 768, 256, Duration.ofMinutes(30)));
    server = ClassServer.start(new ClassServer.Options("0.0.0.0", 0, dir.resolve("class.db").toString(), 10, 3, setup));
    client = new ClassClient(server.url().replaceFirst("//[^:]+:", "//127.0.0.1:"));
  }

  @AfterAll
  void stop() throws Exception {
    try {
      String cls = Setup.classId(server.code());
      server.close();
      // closing removed this class's containers, kept their volumes, and left the bystander alone
      assertEquals("", TutorImage.cli(1, "docker", "ps", "-aq", "--filter", "label=dev.shellcamp.class=" + cls)
          .output().strip());
      assertNotEquals("", TutorImage.cli(1, "docker", "volume", "ls", "-q", "--filter",
          "label=dev.shellcamp.class=" + cls).output().strip());
      assertEquals(0, TutorImage.cli(1, "docker", "inspect", bystander).status(), "the bystander survives");
      // `class reset` takes the volumes (and the class network) too
      ClassServer.resetSandboxes(dir.resolve("class.db").toString(), setup);
      assertEquals("", TutorImage.cli(1, "docker", "volume", "ls", "-q", "--filter", "label=dev.shellcamp.class=" + cls)
          .output().strip());
    } finally {
      TutorImage.cli(1, "docker", "rm", "-f", bystander);
    }
  }

  private JsonNode open(String name, String key) throws Exception {
    Map<String, Object> body = key == null ? Map.of("code", server.code(), "name", name)
        : Map.of("code", server.code(), "name", name, "key", key);
    var a = client.post("/api/sandboxes", null, body);
    assertEquals(200, a.status(), a.body());
    return a.json();
  }

  private String container(JsonNode learner) {
    return server.sandboxes().get(learner.get("id").asText()).spec().name();
  }

  /** Starts the lesson at the tutor's menu and waits for its prompt. */
  private static void startLesson(TerminalClient t) throws Exception {
    t.await("shellcamp ❯", BOOT);
    int from = t.screen().length();
    t.type("linux/shell-basics\r");
    t.await(PROMPT, from, SOON);
  }

  /** Ana's terminal again, her lesson's prompt on it as the screen she left is replayed. */
  private TerminalClient anaAtPrompt() throws Exception {
    TerminalClient t = new TerminalClient(ana.get("terminal").asText());
    try {
      t.await(PROMPT, SOON);
    } catch (InterruptedException | AssertionError e) {
      t.close();  // as the try-with-resources it is not in yet would
      throw e;
    }
    return t;
  }

  private static void run(TerminalClient t, String line, String expect) throws Exception {
    int from = t.screen().length();
    t.type(line + "\r");
    t.await(expect, from, SOON);
  }

  @Test
  @Order(1)
  void aLearnerGetsTheirOwnTerminal() throws Exception {
    ana = open("Ana", null);
    assertTrue(ana.get("terminal").asText().matches("ws://.+/api/sandboxes/" + ana.get("id").asText() + "/terminal\\?key=.+"),
        ana.toString());
    try (TerminalClient t = new TerminalClient(ana.get("terminal").asText())) {
      startLesson(t);
      // the answer is computed, so the echo of what was typed cannot match it
      run(t, "echo hi-from-sandbox-$((6*7))", "hi-from-sandbox-42");
      t.resize(123, 37);
      // the tutor keeps the bottom row for its status line
      run(t, "echo size=$(tput cols)x$(tput lines)", "size=123x36");
      run(t, "export SBX_MARK=kept-$((40+2)); echo done-$((1+1))", "done-2");
    }
    // the sandboxed tutor joined the class by itself: the board shows Ana on her lesson
    JsonNode rows = client.get("/api/learners", server.token()).json();
    boolean seen = false;
    for (long end = System.nanoTime() + SOON.toNanos(); !seen && System.nanoTime() < end; Thread.sleep(300)) {
      rows = client.get("/api/learners", server.token()).json();
      for (JsonNode r : rows) {
        seen |= r.get("name").asText().equals("Ana") && "linux/shell-basics".equals(r.path("lesson").asText());
      }
    }
    assertTrue(seen, rows.toString());
  }

  @Test
  @Order(2)
  void reconnectingFindsTheSameShell() throws Exception {
    try (TerminalClient t = new TerminalClient(ana.get("terminal").asText())) {
      // what the screen showed is replayed first
      t.await("hi-from-sandbox-42", SOON);
      run(t, "echo mark=$SBX_MARK", "mark=kept-42");
    }
    // the same name without the key is someone else: refused, the sandbox is not given away
    var a = client.post("/api/sandboxes", null, Map.of("code", server.code(), "name", "Ana"));
    assertEquals(409, a.status(), a.body());
    var wrong = client.post("/api/sandboxes", null, Map.of("code", server.code(), "name", "Ana",
        "key", ana.get("id").asText() + ".not-the-secret"));
    assertEquals(401, wrong.status(), wrong.body());
  }

  @Test
  @Order(3)
  void theContainerIsLimitedAndUnprivileged() throws Exception {
    String c = container(ana);
    var r = TutorImage.cli(1, "docker", "inspect", "--format",
        "{{.HostConfig.Memory}}|{{.HostConfig.PidsLimit}}|{{.HostConfig.NanoCpus}}|{{.HostConfig.Privileged}}|"
            + "{{.Config.User}}|{{.HostConfig.CapDrop}}|{{.HostConfig.SecurityOpt}}|{{range .Mounts}}{{.Destination}};{{end}}|"
            + "{{.HostConfig.Binds}}", c);
    assertEquals(0, r.status(), r.output());
    String[] f = r.output().strip().split("\\|", -1);
    assertEquals(String.valueOf(768L << 20), f[0], "memory");
    assertEquals("256", f[1], "pids");
    assertEquals("1000000000", f[2], "cpus");
    assertEquals("false", f[3], "privileged");
    assertEquals("1000:1000", f[4], "user");
    assertTrue(f[5].contains("ALL"), "capabilities dropped: " + f[5]);
    assertTrue(f[6].contains("no-new-privileges"), f[6]);
    assertEquals("/home/learner;", f[7], "only the learner's volume is mounted");
    assertFalse(r.output().contains("docker.sock"), r.output());
    try (TerminalClient t = anaAtPrompt()) {
      run(t, "test -S /var/run/docker.sock && echo sock-$((1)) || echo nosock-$((2))", "nosock-2");
    }
  }

  @Test
  @Order(4)
  void aSlowBrowserHoldsOutputBackAndTheShellStaysResponsive() throws Exception {
    try (TerminalClient t = anaAtPrompt()) {
      t.pause();
      t.type("yes flood-line\r");
      Thread.sleep(2000);
      // held back: with the browser not reading, yes is blocked on its terminal, not burning a CPU
      // while the server buffers what it prints
      String cpu = TutorImage.cli(1, "docker", "stats", "--no-stream", "--format", "{{.CPUPerc}}", container(ana))
          .output().strip();
      t.resume();
      Thread.sleep(500);
      t.type("\u0003");
      assertTrue(Double.parseDouble(cpu.replace("%", "")) < 12, "the sandbox used " + cpu + " of a CPU while held back");
      run(t, "echo alive-$((3*3))", "alive-9");
    }
  }

  @Test
  @Order(5)
  void aCulledSandboxResumesWithItsFiles() throws Exception {
    try (TerminalClient t = anaAtPrompt()) {
      run(t, "echo keep-$((5*5)) > /home/learner/keep.txt; echo saved-$((2*2))", "saved-4");
      assertEquals(1, server.sandboxes().cull(0));
      t.await("press any key to start again", SOON);
      assertEquals("false", TutorImage.cli(1, "docker", "inspect", "--format", "{{.State.Running}}", container(ana))
          .output().strip());
      int from = t.screen().length();
      t.type("\r");
      t.await("shellcamp ❯", from, BOOT);
      startLesson(t);
      run(t, "cat /home/learner/keep.txt", "keep-25");
    }
  }

  @Test
  @Order(6)
  void theLearnersPageInABrowser() throws Exception {
    ChromeDriver browser = Browser.start(dir.resolve("chrome"));
    try {
      browser.get(server.url() + "/");
      browser.findElement(By.id("code")).sendKeys(server.code());
      browser.findElement(By.id("name")).sendKeys("Bo");
      browser.findElement(By.id("go")).click();
      String screen = "";
      for (long end = System.nanoTime() + BOOT.toNanos(); System.nanoTime() < end && !screen.contains("shellcamp ❯");
          Thread.sleep(300)) {
        screen = text(browser);
      }
      assertTrue(screen.contains("shellcamp ❯"), screen);
      var term = browser.findElement(By.cssSelector(".xterm-helper-textarea"));
      term.sendKeys("linux/shell-basics\n");
      for (long end = System.nanoTime() + SOON.toNanos(); System.nanoTime() < end && !screen.contains(PROMPT);
          Thread.sleep(300)) {
        screen = text(browser);
      }
      term.sendKeys("echo browser-$((7*6))\n");
      for (long end = System.nanoTime() + SOON.toNanos(); System.nanoTime() < end && !screen.contains("browser-42");
          Thread.sleep(300)) {
        screen = text(browser);
      }
      Files.createDirectories(Path.of("target"));
      Files.write(Path.of("target/sandbox-terminal.png"), browser.getScreenshotAs(OutputType.BYTES));
      assertTrue(screen.contains("browser-42"), screen);
      long cols = (Long) browser.executeScript("return window.shellcampTerm.cols");
      assertTrue(cols > 80, "the terminal fits the 1280 px page: " + cols + " columns");
    } finally {
      browser.quit();
    }
  }

  /** The terminal's screen as xterm.js holds it (its buffer, not the DOM: rows are drawn on a canvas). */
  private static String text(ChromeDriver browser) {
    Object s = browser.executeScript(
        "const t = window.shellcampTerm; if (!t) return ''; const b = t.buffer.active; const out = [];"
            + "for (let i = 0; i < b.length; i++) { const l = b.getLine(i); if (l) out.push(l.translateToString(true)); }"
            + "return out.join('\\n');");
    return s == null ? "" : s.toString();
  }
}
