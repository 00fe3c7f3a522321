package dev.shellcamp.lab.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.CommandRun;
import dev.shellcamp.cli.LabBatchCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lab batch` as cron runs it: real files, the exit code, the output and rejects bytes. */
class BatchJobTest {
  static final String IRIS_HEADER = "id,sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm\n";

  @TempDir Path dir;

  static CommandRun batch(String... args) {
    return CommandRun.of(new LabBatchCommand(), args);
  }

  Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  String read(String name) throws IOException {
    return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
  }

  CommandRun run(String model, String input) throws IOException {
    file("in.csv", input);
    return batch("--model", model, "--input", dir.resolve("in.csv").toString(), "--output",
        dir.resolve("out.csv").toString());
  }

  @Test
  void halfPlusTwoGolden() throws IOException {
    CommandRun r = run("half_plus_two", "id,x\nr1,1\nr2,2\nr3,5\nr4,-4\nr5,0.1\nr6,1e10\n");
    assertEquals(0, r.code(), r.err());
    assertEquals("id,y\nr1,2.5\nr2,3.0\nr3,4.5\nr4,0.0\nr5,2.05\nr6,5000000000.0\n", read("out.csv"));
    assertEquals("line,id,reason\n", read("out.rejects.csv"), "written even when empty, so no stale rejects remain");
    assertEquals("6 rows read = 6 predicted + 0 rejected\npredictions: " + dir.resolve("out.csv")
        + "\nrejects: " + dir.resolve("out.rejects.csv") + " (none)\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void irisGoldenMatchesTheModelCard() throws IOException {
    // the card's golden rows (setosa 0.983, versicolor 0.860, virginica 0.993), columns in another order
    CommandRun r = run("iris", "petal_width_cm,id,sepal_width_cm,note,petal_length_cm,sepal_length_cm\n"
        + "0.2,f1,3.5,first,1.4,5.1\n1.4,f2,3.2,,4.7,7.0\n2.5,f3,3.3,last,6.0,6.3\n");
    assertEquals(0, r.code(), r.err());
    assertEquals("id,class,p_setosa,p_versicolor,p_virginica\n"
        + "f1,setosa,0.98258394,0.017415797,2.7736579e-7\n"
        + "f2,versicolor,0.0067644753,0.85957754,0.13365798\n"
        + "f3,virginica,3.078804e-5,0.007441547,0.99252766\n", read("out.csv"));
  }

  @Test
  void everyKindOfBadRowIsRejectedWithItsReason() throws IOException {
    CommandRun r = run("iris", IRIS_HEADER
        + "ok1,5.1,3.5,1.4,0.2\n"
        + "miss,5.1,,1.4,0.2\n"
        + "word,5.1,3.5,1.4,abc\n"
        + "nan,NaN,3.5,1.4,0.2\n"
        + "inf,5.1,Infinity,1.4,-inf\n"
        + "big,5.1,3.5,1e39,0.2\n"
        + "short,5.1,3.5\n"
        + "long,5.1,3.5,1.4,0.2,9\n"
        + "ok1,6.3,3.3,6.0,2.5\n"
        + ",5.1,3.5,1.4,0.2\n"
        + "\"  \",5.1,3.5,1.4,0.2\n"
        + "many,x,,NaN,0.2\n"
        + "\"broken\"!,5.1,3.5,1.4,0.2\n"
        + "ok2,7.0,3.2,4.7,1.4\n");
    assertEquals(0, r.code(), "rejects are bad data, not a failed job: " + r.err());
    assertEquals("id,class,p_setosa,p_versicolor,p_virginica\n"
        + "ok1,setosa,0.98258394,0.017415797,2.7736579e-7\n"
        + "ok2,versicolor,0.0067644753,0.85957754,0.13365798\n", read("out.csv"));
    assertEquals(String.join("\n", "line,id,reason",
        "3,miss,line 3: column sepal_width_cm: missing value",
        "4,word,line 4: column petal_width_cm: 'abc' is not a number",
        "5,nan,line 5: column sepal_length_cm: 'NaN' is not a finite number",
        "6,inf,line 6: column sepal_width_cm: 'Infinity' is not a finite number;"
            + " column petal_width_cm: '-inf' is not a finite number",
        "7,big,line 7: column petal_length_cm: '1e39' is outside the FP32 range (about ±3.4e38)",
        "8,short,\"line 8: 3 fields, but the header has 5\"",
        "9,long,\"line 9: 6 fields, but the header has 5\"",
        "10,ok1,line 10: id 'ok1' repeats the id on line 2",
        "11,,line 11: column id is empty",
        "12,  ,line 12: column id is empty",
        "13,many,line 13: column sepal_length_cm: 'x' is not a number; column sepal_width_cm: missing value;"
            + " column petal_length_cm: 'NaN' is not a finite number",
        "14,broken!,line 14: field 1 has text after its closing quote", ""), read("out.rejects.csv"));
    assertTrue(r.out().startsWith("14 rows read = 2 predicted + 12 rejected\n"), r.out());
    assertTrue(r.err().startsWith("rejected line 3: column sepal_width_cm: missing value\n"), r.err());
    assertTrue(r.err().endsWith("... 7 more in " + dir.resolve("out.rejects.csv") + "\n"), r.err());
  }

  @Test
  void quotedCsvEdgeCasesSurviveTheRoundTrip() throws IOException {
    // a BOM, CRLF, ids with commas, quotes and line breaks, a quoted number, blank lines, no final newline
    CommandRun r = run("half_plus_two", "\uFEFFid,x\r\n\"a,b\",1\r\n\"say \"\"hi\"\"\",2\r\n\r\n\"two\r\nlines\",\"5\"\r\n"
        + "plain, 4 \r\n\"x,\ny\",oops");
    assertEquals(0, r.code(), r.err());
    assertEquals("id,y\n\"a,b\",2.5\n\"say \"\"hi\"\"\",3.0\n\"two\r\nlines\",4.5\nplain,4.0\n", read("out.csv"));
    assertEquals("line,id,reason\n8,\"x,\ny\",line 8: column x: 'oops' is not a number\n", read("out.rejects.csv"));
    assertTrue(r.out().startsWith("5 rows read = 4 predicted + 1 rejected\n"), r.out());
  }

  @Test
  void theIdColumnCanBeRenamed() throws IOException {
    file("in.csv", "x,song\n1,s1\n2,s2\n");
    CommandRun r = batch("--model", "half_plus_two", "--input", dir.resolve("in.csv").toString(),
        "--output", dir.resolve("p.csv").toString(), "--rejects", dir.resolve("bad.csv").toString(),
        "--id-column", "song");
    assertEquals(0, r.code(), r.err());
    assertEquals("song,y\ns1,2.5\ns2,3.0\n", read("p.csv"));
    assertEquals("line,song,reason\n", read("bad.csv"));
    assertFalse(Files.exists(dir.resolve("p.rejects.csv")));
  }

  @Test
  void aHeaderOnlyInputGivesHeaderOnlyOutputs() throws IOException {
    CommandRun r = run("iris", IRIS_HEADER);
    assertEquals(0, r.code(), r.err());
    assertEquals("id,class,p_setosa,p_versicolor,p_virginica\n", read("out.csv"));
    assertTrue(r.out().startsWith("0 rows read = 0 predicted + 0 rejected\n"), r.out());
  }

  @Test
  void aHeaderWithoutTheModelsColumnsIsAUsageErrorNamingThem() throws IOException {
    CommandRun r = run("iris", "id,sepal_length,sepal_width,petal_length_cm,petal_width_cm\n1,1,2,3,4\n");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("the header lacks columns sepal_length_cm, sepal_width_cm; iris needs "
        + "id,sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm"), r.err());
    assertFalse(Files.exists(dir.resolve("out.csv")));
    assertFalse(Files.exists(dir.resolve("out.rejects.csv")));
    CommandRun noId = run("half_plus_two", "key,x\n1,1\n");
    assertEquals(2, noId.code());
    assertTrue(noId.err().contains("the header lacks column id; half_plus_two needs id,x"), noId.err());
    CommandRun twice = run("half_plus_two", "id,x,x\n1,1,2\n");
    assertEquals(2, twice.code());
    assertTrue(twice.err().contains("names column x twice (fields 2 and 3)"), twice.err());
    CommandRun empty = run("half_plus_two", "");
    assertEquals(2, empty.code());
    assertTrue(empty.err().contains("the file is empty; its first line must be a header: id,x"), empty.err());
  }

  @Test
  void usageErrorsExitTwoAndTouchNothing() throws IOException {
    file("in.csv", "id,x\na,1\n");
    String in = dir.resolve("in.csv").toString();
    String out = dir.resolve("out.csv").toString();
    CommandRun unknown = batch("--model", "resnet", "--input", in, "--output", out);
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("unknown model 'resnet'; available: half_plus_two, iris"), unknown.err());
    CommandRun missing = batch("--model", "iris", "--input", dir.resolve("nope.csv").toString(), "--output", out);
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("--input: no such file: " + dir.resolve("nope.csv")), missing.err());
    CommandRun folder = batch("--model", "iris", "--input", dir.toString(), "--output", out);
    assertEquals(2, folder.code());
    assertTrue(folder.err().contains("(it is a folder)"), folder.err());
    CommandRun same = batch("--model", "half_plus_two", "--input", in, "--output", in);
    assertEquals(2, same.code());
    assertTrue(same.err().contains("three different files"), same.err());
    assertEquals(2, batch("--model", "iris", "--input", in).code(), "--output is required");
    assertEquals(List.of("in.csv"), names(dir), "nothing written");
    assertEquals("id,x\na,1\n", read("in.csv"));
  }

  @Test
  void reRunningGivesByteIdenticalFiles() throws IOException {
    StringBuilder csv = new StringBuilder(IRIS_HEADER);
    for (int i = 0; i < 3000; i++) {
      csv.append("r").append(i).append(',').append(4 + (i % 40) / 10.0).append(",3.1,").append(1 + (i % 59) / 10.0)
          .append(',').append(i % 97 == 0 ? "n/a" : String.valueOf((i % 25) / 10.0)).append('\n');
    }
    CommandRun first = run("iris", csv.toString());
    byte[] out1 = Files.readAllBytes(dir.resolve("out.csv"));
    byte[] rej1 = Files.readAllBytes(dir.resolve("out.rejects.csv"));
    CommandRun second = run("iris", csv.toString());
    assertEquals(0, first.code());
    assertEquals(first, second, "the same report too");
    assertEquals(new String(out1, StandardCharsets.UTF_8), read("out.csv"));
    assertEquals(new String(rej1, StandardCharsets.UTF_8), read("out.rejects.csv"));
    assertTrue(first.out().startsWith("3000 rows read = 2969 predicted + 31 rejected\n"), first.out());
    assertEquals(List.of("in.csv", "out.csv", "out.rejects.csv"), names(dir), "no temporary files left");
  }

  static List<String> names(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (var s = Files.list(dir)) {
      s.map(p -> p.getFileName().toString()).sorted().forEach(names::add);
    }
    return names;
  }
}
