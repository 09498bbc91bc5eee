package dev.polygraph.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import org.junit.jupiter.params.provider.ValueSource;

class YamlTreeReaderTest {

  static TreeResult read(String text) {
    return YamlTreeReader.read(new SourceFile(Path.of("t.yaml"), "t.yaml", text));
  }

  static String problems(TreeResult result) {
    return result.problems().stream()
        .map(p -> p.span().startLine() + ":" + p.span().startColumn() + ": " + p.message())
        .collect(Collectors.joining("\n"));
  }

  private static final String TEMPLATE =
      "AWSTemplateFormatVersion: 2010-09-09\n"
          + "Resources:\n"
          + "  NodeRole:\n"
          + "    Type: AWS::IAM::Role\n"
          + "    Properties:\n"
          + "      \"Path\": '/'\n"
          + "      ManagedPolicyArns:\n"
          + "        - !Sub arn:${AWS::Partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy\n"
          + "        - [a, \"b\", {c: d}]\n"
          + "      Description: |\n"
          + "        line one\n"
          + "        line two\n"
          + "\n"
          + "      Folded: >-\n"
          + "        folded\n"
          + "        text\n"
          + "    # trailing comment\n"
          + "Outputs: {}\n";

  private static final String TEMPLATE_TREE =
      "map 1:1-18:12\n"
          + "  key AWSTemplateFormatVersion 1:1-1:25\n"
          + "    2010-09-09 1:27-1:37\n"
          + "  key Resources 2:1-2:10\n"
          + "    map 3:3-16:13\n"
          + "      key NodeRole 3:3-3:11\n"
          + "        map 4:5-16:13\n"
          + "          key Type 4:5-4:9\n"
          + "            AWS::IAM::Role 4:11-4:25\n"
          + "          key Properties 5:5-5:15\n"
          + "            map 6:7-16:13\n"
          + "              key \"Path\" 6:7-6:13\n"
          + "                \"/\" 6:15-6:18\n"
          + "              key ManagedPolicyArns 7:7-7:24\n"
          + "                seq 8:9-9:27\n"
          + "                  map 8:11-8:79\n"
          + "                    key Fn::Sub 8:11-8:15\n"
          + "                      arn:${AWS::Partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy 8:16-8:79\n"
          + "                  seq 9:11-9:27\n"
          + "                    a 9:12-9:13\n"
          + "                    \"b\" 9:15-9:18\n"
          + "                    map 9:20-9:26\n"
          + "                      key c 9:21-9:22\n"
          + "                        d 9:24-9:25\n"
          + "              key Description 10:7-10:18\n"
          + "                \"line one\\nline two\\n\" 10:20-12:17\n"
          + "              key Folded 14:7-14:13\n"
          + "                \"folded text\" 14:15-16:13\n"
          + "  key Outputs 18:1-18:8\n"
          + "    map 18:10-18:12\n";

  @Test
  void everyNodeAndKeyHasItsExactSpan() {
    TreeResult result = read(TEMPLATE);

    assertEquals(List.of(), result.problems());
    assertEquals(TEMPLATE_TREE, TreeDump.of(result.root()));
  }

  @Test
  void crlfLineEndingsGiveTheSameSpansAndText() {
    TreeResult result = read(TEMPLATE.replace("\n", "\r\n"));

    assertEquals(List.of(), result.problems());
    assertEquals(TEMPLATE_TREE, TreeDump.of(result.root()));
  }

  @Test
  void columnsCountUtf16CodeUnitsAfterAstralCharacters() {
    // U+1F600 is one code point for SnakeYAML but two UTF-16 code units for spans.
    TreeResult result = read("\uD83D\uDE00: !Ref x\nb: [\uD83D\uDE00\uD83D\uDE00, \"x\"]\n");

    assertEquals(List.of(), result.problems());
    assertEquals(
        "map 1:1-2:15\n"
            + "  key \uD83D\uDE00 1:1-1:3\n"
            + "    map 1:5-1:11\n"
            + "      key Ref 1:5-1:9\n"
            + "        x 1:10-1:11\n"
            + "  key b 2:1-2:2\n"
            + "    seq 2:4-2:15\n"
            + "      \uD83D\uDE00\uD83D\uDE00 2:5-2:9\n"
            + "      \"x\" 2:11-2:14\n",
        TreeDump.of(result.root()));
  }

  @Test
  void nullsQuotesAndDatesFollowYamlButKeepTheirText() {
    TreeResult result =
        read(
            "a: null\nb: Null\nc: NULL\nd: ~\ne:\nf: \"null\"\ng: !!str 12\nh: !!null ''\n"
                + "i: 2012-10-17\nj: 'x'\nk: yes\n");

    assertEquals(List.of(), result.problems());
    assertEquals(
        "map 1:1-11:7\n"
            + "  key a 1:1-1:2\n    null 1:4-1:8\n"
            + "  key b 2:1-2:2\n    null 2:4-2:8\n"
            + "  key c 3:1-3:2\n    null 3:4-3:8\n"
            + "  key d 4:1-4:2\n    null 4:4-4:5\n"
            + "  key e 5:1-5:2\n    null 5:3-5:3\n"
            + "  key f 6:1-6:2\n    \"null\" 6:4-6:10\n"
            + "  key g 7:1-7:2\n    \"12\" 7:10-7:12\n"
            + "  key h 8:1-8:2\n    null 8:11-8:13\n"
            + "  key i 9:1-9:2\n    2012-10-17 9:4-9:14\n"
            + "  key j 10:1-10:2\n    \"x\" 10:4-10:7\n"
            + "  key k 11:1-11:2\n    yes 11:4-11:7\n",
        TreeDump.of(result.root()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ref", "Condition", "Sub", "GetAtt", "Join", "If", "Select", "Split", "FindInMap",
        "ImportValue", "Base64", "Cidr", "GetAZs", "Equals", "And", "Or", "Not", "Transform",
        "Length", "ToJsonString"
      })
  void everyShortFormBecomesItsLongForm(String name) {
    TreeResult result = read("K: !" + name + " x\n");

    String longForm = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
    int tagEnd = 4 + name.length() + 1;
    assertEquals(List.of(), result.problems());
    MapNode value = (MapNode) ((MapNode) result.root()).get("K").get();
    assertEquals(
        new MapNode(
            new Span("t.yaml", 1, 4, 1, tagEnd + 2),
            List.of(
                new MapNode.Entry(
                    new ScalarNode(new Span("t.yaml", 1, 4, 1, tagEnd), longForm, false),
                    new ScalarNode(new Span("t.yaml", 1, tagEnd + 1, 1, tagEnd + 2), "x", false)))),
        value);
  }

  @Test
  void shortFormsWrapSequencesMappingsAndEachOther() {
    TreeResult result =
        read(
            "A: !Join\n"
                + "  - ''\n"
                + "  - - !Ref X\n"
                + "    - !GetAtt [R, Arn]\n"
                + "B: !If [C, !Ref D, !Ref \"AWS::NoValue\"]\n"
                + "C: !FindInMap\n"
                + "  Map: x\n"
                + "D: !GetAtt Role.Arn\n");

    assertEquals(List.of(), result.problems());
    assertEquals(
        "map 1:1-8:20\n"
            + "  key A 1:1-1:2\n"
            + "    map 1:4-4:23\n"
            + "      key Fn::Join 1:4-1:9\n"
            + "        seq 2:3-4:23\n"
            + "          \"\" 2:5-2:7\n"
            + "          seq 3:5-4:23\n"
            + "            map 3:7-3:13\n"
            + "              key Ref 3:7-3:11\n"
            + "                X 3:12-3:13\n"
            + "            map 4:7-4:23\n"
            + "              key Fn::GetAtt 4:7-4:14\n"
            + "                seq 4:15-4:23\n"
            + "                  R 4:16-4:17\n"
            + "                  Arn 4:19-4:22\n"
            + "  key B 5:1-5:2\n"
            + "    map 5:4-5:40\n"
            + "      key Fn::If 5:4-5:7\n"
            + "        seq 5:8-5:40\n"
            + "          C 5:9-5:10\n"
            + "          map 5:12-5:18\n"
            + "            key Ref 5:12-5:16\n"
            + "              D 5:17-5:18\n"
            + "          map 5:20-5:39\n"
            + "            key Ref 5:20-5:24\n"
            + "              \"AWS::NoValue\" 5:25-5:39\n"
            + "  key C 6:1-6:2\n"
            + "    map 6:4-7:9\n"
            + "      key Fn::FindInMap 6:4-6:14\n"
            + "        map 7:3-7:9\n"
            + "          key Map 7:3-7:6\n"
            + "            x 7:8-7:9\n"
            + "  key D 8:1-8:2\n"
            + "    map 8:4-8:20\n"
            + "      key Fn::GetAtt 8:4-8:11\n"
            + "        Role.Arn 8:12-8:20\n",
        TreeDump.of(result.root()));
  }

  @Test
  void aShortFormScalarIsTheStringWritten() {
    MapNode root = (MapNode) read("a: !Ref null\nb: !GetAZs\nc: !GetAZs ''\n").root();

    assertEquals(new ScalarNode(new Span("t.yaml", 1, 9, 1, 13), "null", false), ((MapNode) root.get("a").get()).get("Ref").get());
    assertEquals(new ScalarNode(new Span("t.yaml", 2, 11, 2, 11), "", false), ((MapNode) root.get("b").get()).get("Fn::GetAZs").get());
    assertEquals(new ScalarNode(new Span("t.yaml", 3, 12, 3, 14), "", true), ((MapNode) root.get("c").get()).get("Fn::GetAZs").get());
  }

  @Test
  void anUnknownTagIsReportedAndTheNodeKeptUntagged() {
    TreeResult result = read("a: !Foo ~\nb: !!foo [1]\nc: !<tag:example.com,2000:x> y\n");

    assertEquals(
        "map 1:1-3:31\n"
            + "  key a 1:1-1:2\n    null 1:9-1:10\n"
            + "  key b 2:1-2:2\n    seq 2:10-2:13\n      1 2:11-2:12\n"
            + "  key c 3:1-3:2\n    y 3:30-3:31\n",
        TreeDump.of(result.root()));
    assertEquals(
        List.of(
            new InputProblem(new Span("t.yaml", 1, 4, 1, 8), "Unknown tag '!Foo'."),
            new InputProblem(new Span("t.yaml", 2, 4, 2, 9), "Unknown tag '!!foo'."),
            new InputProblem(
                new Span("t.yaml", 3, 4, 3, 29), "Unknown tag '!<tag:example.com,2000:x>'.")),
        result.problems());
  }

  @Test
  void duplicateKeysAreKeptAndReportedAtTheSecondKey() {
    TreeResult result = read("A: 1\nB:\n  A: 2\nA: 3\n");

    MapNode root = (MapNode) result.root();
    assertEquals(List.of("A", "B", "A"), root.entries().stream().map(e -> e.key().text()).collect(Collectors.toList()));
    assertEquals("3", ((ScalarNode) root.get("A").get()).text());
    assertEquals(
        List.of(
            new InputProblem(
                new Span("t.yaml", 4, 1, 4, 2), "Duplicate key 'A' (first defined at line 1).")),
        result.problems());
  }

  @Test
  void aNonScalarKeyIsReportedAndLeftOut() {
    TreeResult result = read("? [a]\n: 1\nb: 2\n");

    assertEquals("map 1:1-3:5\n  key b 3:1-3:2\n    2 3:4-3:5\n", TreeDump.of(result.root()));
    assertEquals("1:3: A mapping key must be a scalar.", problems(result));
  }

  @Test
  void aSecondDocumentIsReportedAndTheFirstKept() {
    TreeResult result = read("a: 1\n---\nb: 2\n");

    assertEquals("map 1:1-1:5\n  key a 1:1-1:2\n    1 1:4-1:5\n", TreeDump.of(result.root()));
    assertEquals("2:1: A CloudFormation template is one YAML document.", problems(result));
  }

  @Test
  void anAliasYieldsTheAnchoredNodeWithItsSpans() {
    TreeResult result = read("base: &tags\n  - a\ncopy:\n  inner: *tags\n");

    MapNode root = (MapNode) result.root();
    assertEquals(List.of(), result.problems());
    assertEquals(
        "map 1:1-4:15\n"
            + "  key base 1:1-1:5\n"
            + "    seq 2:3-2:6\n      a 2:5-2:6\n"
            + "  key copy 3:1-3:5\n"
            + "    map 4:3-4:15\n"
            + "      key inner 4:3-4:8\n"
            + "        seq 2:3-2:6\n          a 2:5-2:6\n",
        TreeDump.of(root));
    assertSame(root.get("base").get(), ((MapNode) root.get("copy").get()).get("inner").get());
  }

  @Test
  void anAliasInsideItsOwnAnchorIsAProblemNotAnInfiniteTree() {
    TreeResult result = read("a: &a [1, *a]\n");

    assertEquals("map 1:1-1:14\n  key a 1:1-1:2\n    seq 1:7-1:14\n      1 1:8-1:9\n      null 1:11-1:13\n", TreeDump.of(result.root()));
    assertEquals("1:11: The alias '*a' refers to a node that contains it.", problems(result));
  }

  @Test
  void billionLaughsHitsTheAliasLimit() {
    StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char previous = (char) (c - 1);
      yaml.append(c).append(": &").append(c).append(" [");
      yaml.append(String.join(",", java.util.Collections.nCopies(10, "*" + previous)));
      yaml.append("]\n");
    }
    TreeResult result = read(yaml.toString());

    assertNull(result.root());
    // The 51st alias is the first one on line 7 (g: &g [*f, ...]).
    assertEquals("7:8: The YAML uses more than 50 aliases to collections.", problems(result));
  }

  @Test
  void aliasesUnderTheLimitStillCannotExpandWithoutBound() {
    StringBuilder yaml = new StringBuilder("l0: &l0 [x, x, x, x, x]\n");
    for (int level = 1; level <= 10; level++) {
      yaml.append("l").append(level).append(": &l").append(level).append(" [");
      yaml.append(String.join(", ", java.util.Collections.nCopies(5, "*l" + (level - 1))));
      yaml.append("]\n");
    }
    TreeResult result = read(yaml.toString());

    assertNull(result.root());
    assertEquals("1:1: Aliases expand the document to more than 1000000 nodes.", problems(result));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[", "{a: "})
  void tenThousandLevelsOfNestingAreAProblemNotAStackOverflow(String open) {
    String close = open.equals("[") ? "]" : "}";
    TreeResult result = read(open.repeat(10_000) + "x" + close.repeat(10_000));

    assertNull(result.root());
    assertEquals(
        "1:" + (100 * open.length() + 1) + ": The YAML is nested more than 100 levels deep.",
        problems(result));
  }

  @Test
  void aFileLongerThanTheLimitIsRefusedBeforeParsing() {
    TreeResult result = read("a: 1\n" + "#\n".repeat(10_485_761));

    assertNull(result.root());
    assertEquals("1:1: The file is longer than 20971520 characters.", problems(result));
  }

  @Test
  void aLineLongerThanTheLimitIsRefusedBeforeParsing() {
    TreeResult result = read("a: 1\n# " + "x".repeat(999_998) + "\nb: " + "y".repeat(999_998) + "\n");

    assertNull(result.root());
    assertEquals("3:1000001: The line is longer than 1000000 characters.", problems(result));
  }

  static Stream<Arguments> syntaxErrors() {
    return Stream.of(
        Arguments.of("a: b: c\n", "1:5: Mapping values are not allowed here."),
        Arguments.of("\uD83D\uDE00: b: c\n", "1:6: Mapping values are not allowed here."),
        Arguments.of("a:\n\tb: 1\n", "2:1: Tabs cannot be used for indentation in YAML."),
        Arguments.of("a: 'x\n", "2:1: Found unexpected end of the file while scanning a quoted scalar."),
        Arguments.of("a: [b\nc: d\n", "2:2: Expected ',' or ']', but found ':'."),
        Arguments.of("a: {b: 1]\n", "1:9: Expected ',' or '}', but found ']'."),
        Arguments.of(
            "a: [1, 2\n",
            "2:1: Expected ',' or ']', but found the end of the file while parsing a flow sequence."),
        Arguments.of("- a\nb: 1\n", "2:1: Expected the end of the indented block, but found a mapping key."),
        Arguments.of("a: b\n- c\n", "2:1: Expected the end of the indented block, but found a list item."),
        Arguments.of("a: *b\n", "1:4: The alias '*b' refers to no anchor."),
        Arguments.of("a: \"\\q\"\n", "1:6: Unknown escape sequence '\\q' in a double-quoted string."),
        Arguments.of("@foo\n", "1:1: The character '@' cannot start a YAML token."),
        Arguments.of("a: \u0000\n", "1:4: The character U+0000 is not allowed in YAML."));
  }

  @ParameterizedTest
  @MethodSource("syntaxErrors")
  void aSyntaxErrorIsOneProblemAtTheProblemMark(String text, String expected) {
    TreeResult result = read(text);

    assertNull(result.root());
    assertEquals(expected, problems(result));
  }

  @Test
  void anEmptyStreamHasNoDocumentAndNoProblem() {
    assertEquals(new TreeResult(null, List.of()), read(""));
    assertEquals(new TreeResult(null, List.of()), read("# only a comment\n"));
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
    assertTrue(result.problems().get(0).message().endsWith("."), result.problems().get(0).message());
  }
}
