package dev.shellcamp.lab.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 as real exports write it: quotes, embedded separators, line ends of every kind. */
class BatchCsvReaderTest {
  static List<BatchCsvReader.Record> read(String csv) throws IOException {
    List<BatchCsvReader.Record> out = new ArrayList<>();
    try (BatchCsvReader r = new BatchCsvReader(new StringReader(csv))) {
      for (BatchCsvReader.Record rec = r.next(); rec != null; rec = r.next()) {
        out.add(rec);
      }
    }
    return out;
  }

  static BatchCsvReader.Record rec(int line, String... fields) {
    return new BatchCsvReader.Record(line, List.of(fields), null);
  }

  @Test
  void plainRecordsWithLfCrlfAndLoneCr() throws IOException {
    List<BatchCsvReader.Record> expected = List.of(rec(1, "id", "x"), rec(2, "a", "1"), rec(3, "b", "2"));
    assertEquals(expected, read("id,x\na,1\nb,2\n"));
    assertEquals(expected, read("id,x\r\na,1\r\nb,2\r\n"));
    assertEquals(expected, read("id,x\ra,1\rb,2"));
    assertEquals(expected, read("id,x\na,1\r\nb,2"), "mixed line ends, no final line end");
  }

  @Test
  void quotedFieldsKeepCommasQuotesAndLineBreaks() throws IOException {
    String csv = "id,x\n\"a,b\",1\n\"say \"\"hi\"\"\",2\n\"two\nlines\",3\n\"crlf\r\ninside\",4\n\"\",5\n";
    assertEquals(List.of(rec(1, "id", "x"), rec(2, "a,b", "1"), rec(3, "say \"hi\"", "2"),
        rec(4, "two\nlines", "3"), rec(6, "crlf\r\ninside", "4"), rec(8, "", "5")), read(csv));
  }

  @Test
  void lineNumbersCountPhysicalLinesAcrossQuotedBreaksAndBlankLines() throws IOException {
    List<BatchCsvReader.Record> recs = read("id,x\n\n\"a\n\nb\",1\r\n\r\nc,2\n\n");
    assertEquals(List.of(rec(1, "id", "x"), rec(3, "a\n\nb", "1"), rec(7, "c", "2")), recs);
  }

  @Test
  void byteOrderMarkIsDroppedOnlyAtTheStart() throws IOException {
    assertEquals(List.of(rec(1, "id", "x"), rec(2, "\uFEFFa", "1")), read("\uFEFFid,x\n\uFEFFa,1\n"));
  }

  @Test
  void emptyFieldsAndTrailingCommaCount() throws IOException {
    assertEquals(List.of(rec(1, "a", "", "c", "")), read("a,,c,\n"));
    assertEquals(List.of(rec(1, "", "")), read(",\n"));
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsText() throws IOException {
    assertEquals(List.of(rec(1, "5\" screen", "x")), read("5\" screen,x\n"));
  }

  @Test
  void malformedRecordsComeBackWithTheirProblemAndReadingGoesOn() throws IOException {
    List<BatchCsvReader.Record> recs = read("\"ab\"c,1\nd,2\n\"open,3\ne,4\n");
    assertEquals(new BatchCsvReader.Record(1, List.of("abc", "1"), "field 1 has text after its closing quote"),
        recs.get(0));
    assertEquals(rec(2, "d", "2"), recs.get(1));
    assertEquals(new BatchCsvReader.Record(3, List.of("open,3\ne,4\n"),
        "a quoted field is still open at the end of the file"), recs.get(2));
    assertEquals(3, recs.size());
  }

  @Test
  void emptyInputHasNoRecords() throws IOException {
    assertEquals(List.of(), read(""));
    assertEquals(List.of(), read("\uFEFF"));
    assertEquals(List.of(), read("\n\r\n"));
    try (BatchCsvReader r = new BatchCsvReader(new StringReader(""))) {
      assertNull(r.next());
      assertNull(r.next(), "stays at the end");
    }
  }

  @Test
  void recordsLongerThanTheBufferAreWhole() throws IOException {
    String big = "x".repeat(200_000);
    assertEquals(List.of(rec(1, big, "\"" + big), rec(2, "a", "1")),
        read(big + ",\"\"\"" + big + "\"\na,1\n"));
  }
}
