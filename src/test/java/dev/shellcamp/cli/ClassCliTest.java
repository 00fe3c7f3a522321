package dev.shellcamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shellcamp.classroom.RealClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tutor in a class, driven through piped input as a script would, against the real class server. */
class ClassCliTest {
  @TempDir Path data;
  private final RealClass server = new RealClass();
  private final String CODE = server.code();

  ClassCliTest() throws Exception {}

  @AfterEach
  void stop() {
    server.close();
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void aJoinedTutorSendsItsStepsAndShowsANoteOnceAtTheNextPrompt() throws Exception {
    server.broadcast("Everyone: look at the board");
    Cli.Run r = Cli.run(data, "sleep 3\n:answer 9\n:answer 2\nls\nls\necho wrong > shopping.txt\n:class\n:quit\n",
        "--class", server.url(), "--code", CODE, "--name", "Mina", "start", "linux/streams");
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("In the class at " + server.url() + " as Mina"), r.out());
    assertEquals(1, count(r.out(), "📣 From your instructor: Everyone: look at the board"), r.out());
    int note = r.out().indexOf("📣 From your instructor");
    assertTrue(r.out().lastIndexOf("❯ ", note) < note && r.out().indexOf("❯ ", note) > note,
        "between two prompts, before the next one was drawn:\n" + r.out());
    assertTrue(r.out().contains("Class: " + server.url() + ", joined as Mina."), r.out());

    assertEquals(List.of("joined", "lesson_started", "step_entered", "check_failed", "step_passed", "step_entered",
        "check_failed", "left"), server.types(), "ls on the new step is no attempt: its state is the one the step began with");
    List<JsonNode> failed = server.events().stream().map(RealClass.Stored::event)
        .filter(e -> e.get("type").asText().equals("check_failed")).toList();
    for (JsonNode f : failed) {
      assertNotEquals(f.get("reason").get("en").asText(), f.get("reason").get("ko").asText(), f.toString());
    }
    JsonNode last = failed.get(failed.size() - 1);
    assertEquals("overwrite", last.get("step").asText());
    assertEquals(1, last.get("index").asInt());
    assertEquals(9, last.get("total").asInt());
    assertTrue(last.get("reason").get("en").asText().contains("wrong")
        && last.get("reason").get("ko").asText().contains("wrong"), "the file's text stays as found: " + last);
    String sent = server.events().stream().map(e -> e.event().toString()).toList().toString();
    assertFalse(sent.contains("sleep 3") || sent.contains("echo wrong") || sent.contains("\"ls\""), "no command text: " + sent);

    Cli.Run again = Cli.run(data, "sleep 3\n:quit\n", "--plain", "start", "linux/streams");
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("In the class at " + server.url() + " as Mina"), again.out());
    assertFalse(again.out().contains("look at the board"), "shown once, also across launches:\n" + again.out());
    server.hint(server.events().get(0).learner(), "Mina: use > not >>");
    Cli.Run third = Cli.run(data, "sleep 3\n:quit\n", "--plain", "start", "linux/streams");
    assertEquals(1, count(third.out(), "Instructor hint for you: Mina: use > not >>"), third.out());
    List<Long> seqs = server.seqs();
    assertEquals(java.util.stream.LongStream.rangeClosed(1, seqs.size()).boxed().toList(), seqs);
  }

  @Test
  void joiningAndLeavingInsideTheRepl() throws Exception {
    Cli.Run r = Cli.run(data, ":class\n:class " + server.url() + " " + CODE + " Kim Mina\n:class\n:class leave\n:class\n:quit\n");
    assertEquals(0, r.code(), r.err());
    assertEquals(2, count(r.out(), "You are not in a class. To join: :class URL CODE NAME"), r.out());
    assertTrue(r.out().contains("Joined the class at " + server.url() + " as Kim Mina."), r.out());
    assertTrue(r.out().contains("You left the class at " + server.url() + "."), r.out());
    assertEquals(List.of("joined", "left"), server.types());
    assertFalse(Files.exists(data.resolve("shellcamp/class/link.json")));
    Cli.Run help = Cli.run(data, ":help\n:quit\n");
    assertTrue(help.out().contains(":class [URL CODE NAME|leave]"), help.out());
  }

  @Test
  void aRefusedJoinEndsWithTheReasonInTheLearnersLanguage() throws Exception {
    Cli.Run r = Cli.run(data, "", "--lang", "ko", "--class", server.url(), "--code", "WRONG-1", "--name", "Mina");
    assertEquals(2, r.code(), r.out());
    assertTrue(r.err().contains("WRONG-1 코드를 받지 않았어요"), r.err());
    Cli.Run nobody = Cli.run(data, "", "--class", "http://127.0.0.1:9", "--code", CODE, "--name", "Mina");
    assertEquals(3, nobody.code(), nobody.out());
    assertTrue(nobody.err().startsWith("Could not reach a class server at http://127.0.0.1:9"), nobody.err());
    assertFalse(nobody.err().contains("Exception"), nobody.err());
  }
}
