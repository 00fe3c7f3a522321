package dev.shellcamp.lab.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabJsonParserTest {
  @Test
  void parsesEveryKindOfValue() {
    Map<?, ?> m = (Map<?, ?>) JsonParser.parse(" {\"a\": [1, -2.5e3, 0.5, -0, true, false, null, \"x\"], \"b\": {}, \"c\": []} ");
    assertEquals(Arrays.asList(1L, -2500.0, 0.5, 0L, true, false, null, "x"), m.get("a"));
    assertEquals(Map.of(), m.get("b"));
    assertEquals(List.of(), m.get("c"));
    assertEquals(List.of("a", "b", "c"), List.copyOf(m.keySet()), "keys keep their order");
  }

  @Test
  void integersBeyondALongBecomeDoubles() {
    assertEquals(123456789012345678L, JsonParser.parse("123456789012345678"));
    assertEquals(1.2345678901234567e19, JsonParser.parse("12345678901234567890"));
    assertEquals(1e300, JsonParser.parse("1E+300"));
  }

  @Test
  void decodesEscapesAndSurrogatePairs() {
    assertEquals("\"\\/\b\f\n\r\t\u00e9", JsonParser.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00E9\""));
    assertEquals("\uD83D\uDE00", JsonParser.parse("\"\\ud83d\\ude00\""));
  }

  @Test
  void decodesRawUtf8() {
    assertEquals("café 😀 한국어", JsonParser.parse("\"café 😀 한국어\"".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void acceptsSixtyFourLevelsAndRejectsSixtyFive() {
    String ok = "[".repeat(64) + "]".repeat(64);
    assertEquals(List.of(), unwrap(JsonParser.parse(ok), 63));
    JsonException e = assertThrows(JsonException.class, () -> JsonParser.parse("[".repeat(65) + "]".repeat(65)));
    assertEquals(64, e.offset());
    assertTrue(e.getMessage().contains("nesting deeper than 64 levels"), e.getMessage());
  }

  private static Object unwrap(Object v, int levels) {
    for (int i = 0; i < levels; i++) {
      v = ((List<?>) v).get(0);
    }
    return v;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "trailing comma in array      | [1,2,]              | 5 | trailing comma before ']'",
      "trailing comma in object     | {\"a\":1,}          | 7 | trailing comma before '}'",
      "NaN literal                  | [NaN]               | 1 | NaN and Infinity are not JSON numbers",
      "Infinity literal             | [Infinity]          | 1 | NaN and Infinity are not JSON numbers",
      "negative Infinity            | [-Infinity]         | 2 | NaN and Infinity are not JSON numbers",
      "leading zero                 | [01]                | 1 | leading zero in a number",
      "negative leading zero        | [-01]               | 1 | leading zero in a number",
      "leading plus                 | [+1]                | 1 | cannot start with '+'",
      "leading dot                  | [.5]                | 1 | needs a digit before the '.'",
      "dot without digits           | [1.]                | 3 | expected a digit after '.'",
      "exponent without digits      | [1e]                | 3 | expected a digit in the exponent",
      "minus alone                  | [-]                 | 2 | expected a digit after '-'",
      "number out of range          | [1e400]             | 1 | number 1e400 is out of range",
      "unterminated array           | [1, 2               | 5 | expected ',' or ']' in an array, got end of input",
      "unterminated object          | {\"a\": 1           | 7 | expected ',' or '}' in an object, got end of input",
      "unterminated string          | \"abc               | 4 | unterminated string (it starts at byte 0)",
      "unterminated key             | {\"a\"              | 4 | expected ':' after the key \"a\", got end of input",
      "empty document               | ``                  | 0 | empty document",
      "only whitespace              | ` `                 | 1 | empty document",
      "trailing garbage             | {} x                | 3 | unexpected 'x' after the end of the JSON value",
      "two documents                | [1] [2]             | 4 | unexpected '[' after the end of the JSON value",
      "single quotes                | {'a': 1}            | 1 | expected a string key, got '''",
      "single-quoted value          | ['a']               | 1 | JSON strings need double quotes",
      "missing colon                | {\"a\" 1}           | 5 | expected ':' after the key \"a\", got '1'",
      "missing comma                | [1 2]               | 3 | expected ',' or ']' in an array, got '2'",
      "number as key                | {1:2}               | 1 | expected a string key, got '1'",
      "duplicate key                | {\"a\":1,\"a\":2}   | 7 | duplicate key \"a\"",
      "misspelt literal             | [tru]               | 1 | invalid literal (expected true)",
      "misspelt null                | [nul]               | 1 | invalid literal (expected null)",
      "bare word                    | [yes]               | 1 | expected a value, got 'y'",
      "invalid escape               | \"a\\x\"            | 2 | invalid escape \\x",
      "bad unicode escape           | \"\\u12G4\"         | 1 | \\u must be followed by 4 hex digits",
      "lone high surrogate          | \"\\ud800\"         | 1 | is not followed by a low surrogate",
      "high surrogate then letter   | \"\\ud800\\u0041\"  | 1 | is not followed by a low surrogate",
      "lone low surrogate           | \"\\udc00x\"        | 1 | lone low surrogate \\uDC00",
  })
  void rejectsWithOffsetAndReason(String name, String json, int offset, String reason) {
    JsonException e = assertThrows(JsonException.class, () -> JsonParser.parse(json));
    assertEquals(offset, e.offset(), e.getMessage());
    assertTrue(e.getMessage().startsWith("invalid JSON at byte " + offset + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void rejectsRawControlCharacterInString() {
    JsonException e = assertThrows(JsonException.class, () -> JsonParser.parse("\"a\nb\""));
    assertEquals("invalid JSON at byte 2: control character 0x0a in a string (write it as an escape, e.g. \\n)",
        e.getMessage());
  }

  @Test
  void rejectsInvalidUtf8() {
    assertBytesRejected(new byte[] {'"', (byte) 0xC3, '(', '"'}, 1, "invalid UTF-8 sequence");
    assertBytesRejected(new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'}, 1, "invalid UTF-8 byte 0xc0"); // overlong '/'
    assertBytesRejected(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, 1, "invalid UTF-8 sequence");
    assertBytesRejected(new byte[] {'"', 'a', (byte) 0xFF, '"'}, 2, "invalid UTF-8 byte 0xff");
    assertBytesRejected(new byte[] {'"', (byte) 0xE2, (byte) 0x82}, 1, "invalid UTF-8 sequence"); // cut short
  }

  @Test
  void rejectsByteOrderMark() {
    assertBytesRejected(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}, 0, "byte order mark");
  }

  @Test
  void describesValuesForErrorMessages() {
    assertEquals("null", JsonParser.describe(null));
    assertEquals("the number 3", JsonParser.describe(3L));
    assertEquals("the string \"NaN\"", JsonParser.describe("NaN"));
    assertEquals("a list", JsonParser.describe(List.of()));
    assertEquals("an object", JsonParser.describe(Map.of()));
    assertEquals("true", JsonParser.describe(true));
    assertNull(JsonParser.parse("null"));
  }

  private static void assertBytesRejected(byte[] in, int offset, String reason) {
    JsonException e = assertThrows(JsonException.class, () -> JsonParser.parse(in));
    assertEquals(offset, e.offset(), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
