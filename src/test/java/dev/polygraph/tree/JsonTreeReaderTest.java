package dev.polygraph.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonTreeReaderTest {

  static TreeResult read(String text) {
    return JsonTreeReader.read(new SourceFile(Path.of("t.json"), "t.json", text));
  }

  static String problems(TreeResult result) {
    return result.problems().stream()
        .map(p -> p.span().startLine() + ":" + p.span().startColumn() + ": " + p.message())
        .collect(Collectors.joining("\n"));
  }

  private static final String TEMPLATE =
      "{\n"
          + "  \"Resources\": {\n"
          + "    \"Role\": {\n"
          + "      \"Type\": \"AWS::IAM::Role\",\n"
          + "      \"Count\": -1.5e3,\n"
          + "      \"Flags\": [true, false, null, 7],\n"
          + "      \"Empty\": {}, \"None\": []\n"
          + "    }\n"
          + "  }\n"
          + "}\n";

  @Test
  void everyNodeAndKeyHasItsExactSpan() {
    TreeResult result = read(TEMPLATE);

    assertEquals(List.of(), result.problems());
    assertEquals(
        "map 1:1-10:2\n"
            + "  key \"Resources\" 2:3-2:14\n"
            + "    map 2:16-9:4\n"
            + "      key \"Role\" 3:5-3:11\n"
            + "        map 3:13-8:6\n"
            + "          key \"Type\" 4:7-4:13\n"
            + "            \"AWS::IAM::Role\" 4:15-4:31\n"
            + "          key \"Count\" 5:7-5:14\n"
            + "            -1.5e3 5:16-5:22\n"
            + "          key \"Flags\" 6:7-6:14\n"
            + "            seq 6:16-6:38\n"
            + "              true 6:17-6:21\n"
            + "              false 6:23-6:28\n"
            + "              null 6:30-6:34\n"
            + "              7 6:36-6:37\n"
            + "          key \"Empty\" 7:7-7:14\n"
            + "            map 7:16-7:18\n"
            + "          key \"None\" 7:20-7:26\n"
            + "            seq 7:28-7:30\n",
        TreeDump.of(result.root()));
  }

  @Test
  void crlfLineEndingsGiveTheSameSpans() {
    TreeResult lf = read(TEMPLATE);
    TreeResult crlf = read(TEMPLATE.replace("\n", "\r\n"));

    assertEquals(TreeDump.of(lf.root()), TreeDump.of(crlf.root()));
  }

  @Test
  void escapesAreDecodedButSpansCoverTheSourceText() {
    TreeResult result = read("{\"a\\u0041\": \"x\\\"y\\\\\"}");

    assertEquals(
        "map 1:1-1:22\n" + "  key \"aA\" 1:2-1:11\n" + "    \"x\"y\\\" 1:13-1:21\n",
        TreeDump.of(result.root()));
  }

  @Test
  void columnsCountUtf16CodeUnits() {
    // U+1F600 is two UTF-16 code units, so everything after it on the line moves by two.
    TreeResult result = read("{\"\uD83D\uDE00\": [\"\uD83D\uDE00x\", 1]}");

    assertEquals(
        "map 1:1-1:19\n"
            + "  key \"\uD83D\uDE00\" 1:2-1:6\n"
            + "    seq 1:8-1:18\n"
            + "      \"\uD83D\uDE00x\" 1:9-1:14\n"
            + "      1 1:16-1:17\n",
        TreeDump.of(result.root()));
  }

  @Test
  void scalarsKeepTheirSourceTextAndNullHasNoText() {
    MapNode root = (MapNode) read("{\"n\": 1E+2, \"t\": true, \"z\": null, \"s\": \"1\"}").root();

    assertEquals(new ScalarNode(new Span("t.json", 1, 7, 1, 11), "1E+2", false), root.get("n").get());
    assertEquals(new ScalarNode(new Span("t.json", 1, 18, 1, 22), "true", false), root.get("t").get());
    assertEquals(new ScalarNode(new Span("t.json", 1, 29, 1, 33), null, false), root.get("z").get());
    assertEquals(new ScalarNode(new Span("t.json", 1, 40, 1, 43), "1", true), root.get("s").get());
  }

  @Test
  void duplicateKeysAreKeptAndReportedAtTheSecondKey() {
    TreeResult result = read("{\n  \"A\": 1,\n  \"B\": 2,\n  \"A\": 3\n}");

    MapNode root = (MapNode) result.root();
    assertEquals(List.of("A", "B", "A"), root.entries().stream().map(e -> e.key().text()).collect(Collectors.toList()));
    assertEquals("3", ((ScalarNode) root.get("A").get()).text());
    assertEquals(
        List.of(
            new InputProblem(
                new Span("t.json", 4, 3, 4, 6), "Duplicate key 'A' (first defined at line 2).")),
        result.problems());
  }

  static Stream<Arguments> syntaxErrors() {
    return Stream.of(
        Arguments.of("{\n  \"a\": 1,\n  \"b\": }", "3:8: Unexpected character '}': expected a value."),
        Arguments.of("{\"a\" 1}", "1:6: Unexpected character '1': expected ':' after the key."),
        Arguments.of("{\"a\": 1 \"b\": 2}", "1:9: Unexpected character '\"': expected ',' or '}'."),
        Arguments.of("[1 2]", "1:4: Unexpected character '2': expected ',' or ']'."),
        Arguments.of("{\"a\": 1,}", "1:9: Unexpected character '}': expected a key in double quotes."),
        Arguments.of("{'a': 1}", "1:2: Unexpected character ''': expected a key in double quotes."),
        Arguments.of("[1,]", "1:4: Unexpected character ']': expected a value."),
        Arguments.of("{\"a\": tru}", "1:7: Unrecognized token 'tru': expected a value."),
        Arguments.of("{\"a\": \"x", "1:9: Unexpected end of input: a string is not closed."),
        Arguments.of(
            "{\n  \"a\": [1,\n", "3:1: Unexpected end of input: the array is not closed."),
        Arguments.of(
            "{\"a\": 1", "1:8: Unexpected end of input: the object starting at line 1, column 1 is not closed."),
        Arguments.of(
            "{\"a\": [}", "1:8: Unexpected '}': expected ']' to close the array starting at line 1, column 7."),
        Arguments.of("{\"a\": \"x\ny\"}", "1:9: Control character (code 10) in a string: it must be escaped."),
        Arguments.of("{\"a\": \"\\q\"}", "1:9: Invalid escape sequence '\\q' in a string."),
        Arguments.of("{\"a\": 01}", "1:8: Invalid number: leading zeroes are not allowed."),
        Arguments.of("{\"a\": -}", "1:8: Unexpected character '}' in a number: expected a digit after '-'."),
        Arguments.of("{\"a\": 1.}", "1:8: Unexpected character '}' in a number: expected a digit after the decimal point."),
        Arguments.of("{\"a\": NaN}", "1:10: The token 'NaN' is not allowed in JSON."),
        Arguments.of("// note\n{}", "1:1: Comments are not allowed in JSON."),
        Arguments.of("{} x", "1:4: Unexpected content after the end of the JSON value."),
        Arguments.of("{\"a\": 1}\n{\"b\": 2}", "2:1: Unexpected content after the end of the JSON value."),
        Arguments.of("[1, 2]]", "1:7: Unexpected content after the end of the JSON value."),
        Arguments.of("\u0001{}", "1:1: Control character (code 1) is not allowed here."),
        Arguments.of("{\"a\": \u00a0}", "1:7: Unexpected character U+00A0: expected a value."));
  }

  @ParameterizedTest
  @MethodSource("syntaxErrors")
  void aSyntaxErrorIsOneProblemAtJacksonsPosition(String text, String expected) {
    TreeResult result = read(text);

    assertNull(result.root());
    assertEquals(expected, problems(result));
  }

  @Test
  void aSyntaxErrorIsTheOnlyProblemReported() {
    TreeResult result = read("{\"a\": 1, \"a\": 2, \"b\": }");

    assertEquals(
        List.of(new InputProblem(Span.point("t.json", 1, 23), "Unexpected character '}': expected a value.")),
        result.problems());
  }

  @Test
  void nestingDeeperThanTheLimitIsAProblemNotAStackOverflow() {
    TreeResult result = read("[".repeat(10_000) + "]".repeat(10_000));

    assertNull(result.root());
    assertEquals("1:201: The JSON is nested more than 200 levels deep.", problems(result));
  }

  @Test
  void nestingUpToTheLimitIsRead() {
    TreeResult result = read("[".repeat(200) + "]".repeat(200));

    assertEquals(List.of(), result.problems());
    assertEquals(new Span("t.json", 1, 1, 1, 401), result.root().span());
  }

  @Test
  void aStringLongerThanTheLimitIsAProblem() {
    TreeResult result = read("{\"a\": \"" + "x".repeat(1_000_001) + "\"}");

    assertNull(result.root());
    assertEquals("1:7: A string is longer than 1000000 characters.", problems(result));
  }

  @Test
  void aDocumentLongerThanTheLimitIsAProblem() {
    TreeResult result = read(" ".repeat(20_000_000) + "{}");

    assertNull(result.root());
    assertEquals("1:1: The file is longer than 20000000 characters.", problems(result));
  }

  @Test
  void anEmptyFileHasNoDocumentAndNoProblem() {
    assertEquals(new TreeResult(null, List.of()), read(""));
    assertEquals(new TreeResult(null, List.of()), read(" \n\t\r\n"));
  }

  @Test
  void aByteOrderMarkIsNotContent() {
    TreeResult result = read("\uFEFF{\"a\": 1}");

    assertEquals(List.of(), result.problems());
    assertEquals("map 1:2-1:10\n  key \"a\" 1:3-1:6\n    1 1:8-1:9\n", TreeDump.of(result.root()));
  }

  @Test
  void binaryContentIsAProblemNotAnException() {
    StringBuilder bytes = new StringBuilder();
    for (int i = 0; i < 4096; i++) {
      bytes.append((char) ((i * 7919 + 13) % 256));
    }
    TreeResult result = read(bytes.toString());

    assertNull(result.root());
    assertEquals(1, result.problems().size());
    InputProblem problem = result.problems().get(0);
    assertTrue(problem.message().endsWith("."), problem.message());
    assertNotNull(problem.span());
  }
}
