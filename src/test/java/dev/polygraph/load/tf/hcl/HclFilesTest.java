package dev.polygraph.load.tf.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygraph.source.InputProblem;
import dev.polygraph.source.Span;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HclFilesTest {

  private static Expr valueOf(String text) {
    HclResult result = HclFiles.parse("main.tf", text);
    assertEquals(List.of(), result.problems(), text);
    return result.body().attributes().get(0).value();
  }

  private static String problemsOf(String text) {
    return HclFiles.parse("main.tf", text).problems().stream()
        .map(p -> p.span().startLine() + ":" + p.span().startColumn() + ": " + p.message())
        .reduce((a, b) -> a + " | " + b).orElse("");
  }

  /** Each expression form, printed as an S-expression: the whole tree, precedence included. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '¦', quoteCharacter = '`', textBlock = """
      1 ¦ 1
      1.5e3 ¦ 1500
      2E-2 ¦ 0.02
      true ¦ true
      false ¦ false
      null ¦ null
      "plain" ¦ "plain"
      "a\\"b\\\\c\\n\\t\\u00e9\\U0001F600" ¦ "a\\"b\\\\c\\n\\té😀"
      "$${x} %%{y} 5$ 10%" ¦ "${x} %{y} 5$ 10%"
      "arn:${var.p}:iam::${local.a}:role/x" ¦ (template "arn:" ${(. var p)} ":iam::" ${(. local a)} ":role/x")
      "a ${~ b ~} c" ¦ (template "a" ${b} "c")
      "%{ if a }yes%{ else }no%{ endif }" ¦ (template (%if a ("yes") ("no")))
      "%{ if a ~} x %{~ endif } y" ¦ (template (%if a ("x") ()) " y")
      "%{ for k, v in m ~} ${k}=${v} %{~ endfor }" ¦ (template (%for k v in m (${k} "=" ${v})))
      "%{for s in l}${s},%{endfor}" ¦ (template (%for s in l (${s} ",")))
      "${x}" ¦ (template ${x})
      [1, "a", [true],] ¦ [1 "a" [true]]
      [] ¦ []
      {a = 1, "b" : 2, (c) = 3, d.e = 4} ¦ {"a"=1 "b"=2 c=3 (. d e)=4}
      {} ¦ {}
      [for s in list : upper(s) if s != ""] ¦ (for s in list : (call upper s) if (!= s ""))
      [for i, s in list : "${i}${s}"] ¦ (for i s in list : (template ${i} ${s}))
      {for k, v in m : v => k...} ¦ (for k v in m : v => k ...)
      a ? b : c ? d : e ¦ (? a b (? c d e))
      a ? b ? c : d : e ¦ (? a (? b c d) e)
      a || b && c == d + e * -f ¦ (|| a (&& b (== c (+ d (* e (neg f))))))
      !a == b ¦ (== (! a) b)
      !!a ¦ (! (! a))
      (a + b) * c - d / e % f ¦ (- (* (+ a b) c) (% (/ d e) f))
      a - b - c ¦ (- (- a b) c)
      1 < 2 && 3 >= 4 || 5 <= 6 && 7 > 8 ¦ (|| (&& (< 1 2) (>= 3 4)) (&& (<= 5 6) (> 7 8)))
      a != b == c ¦ (== (!= a b) c)
      -a.b ¦ (neg (. a b))
      a.b[0].c.0.1 ¦ ([] ([] (. ([] (. a b) 0) c) 0) 1)
      a["k"][var.i] ¦ ([] ([] a "k") (. var i))
      a.*.b.c[0] ¦ ([] (splat a (. (. * b) c)) 0)
      a[*].b[0].c ¦ (splat a (. ([] (. * b) 0) c))
      a[*] ¦ (splat a *)
      f() ¦ (call f)
      f(a, b...) ¦ (call f a b ...)
      f(a, b,) ¦ (call f a b)
      provider::aws::arn_parse("arn") ¦ (call provider::aws::arn_parse "arn")
      jsonencode({Version = "2012-10-17"}) ¦ (call jsonencode {"Version"="2012-10-17"})
      each.value.arn ¦ (. (. each value) arn)
      count.index ¦ (. count index)
      my-name.with-dash ¦ (. my-name with-dash)
      """)
  void expressionForms(String expression, String tree) {
    assertEquals(tree, AstPrinter.print(valueOf("x = " + expression + "\n")));
  }

  @Test
  void newlinesAreInsignificantInsideBracketsParenthesesAndForObjects() {
    assertEquals("[1 2]", AstPrinter.print(valueOf("x = [\n  1,\n  2\n]\n")));
    assertEquals("(call f a b)", AstPrinter.print(valueOf("x = f(\n  a,\n  b,\n)\n")));
    assertEquals("(+ a b)", AstPrinter.print(valueOf("x = (a\n + b)\n")));
    assertEquals("(for k v in m : k => v if (!= v null))",
        AstPrinter.print(valueOf("x = {\n  for k, v in m : k => v\n  if v != null\n}\n")));
    assertEquals("{\"a\"=1 \"b\"=[2 3]}", AstPrinter.print(valueOf("x = {\n  a = 1\n  b = [\n 2,\n 3]\n}\n")));
    assertEquals("(template ${(? a b c)})", AstPrinter.print(valueOf("x = \"${a ?\n b :\n c}\"\n")));
  }

  @Test
  void heredocsKeepTheirLinesAndTheIndentedFormDropsTheCommonIndentation() {
    assertEquals("(template \"hello\\n  \" ${name} \"\\n\")",
        AstPrinter.print(valueOf("x = <<EOT\nhello\n  ${name}\nEOT\n")));
    assertEquals("\"{\\n  \\\"a\\\": 1\\n}\\n\"",
        AstPrinter.print(valueOf("x = <<-EOT\n    {\n      \"a\": 1\n    }\n    EOT\n")));
    assertEquals("\"a\\n\\nb\\n\"", AstPrinter.print(valueOf("x = <<-EOT\n  a\n\n  b\n  EOT\n")));
    assertEquals("(template \"[\" (%for s in l (\"\\n  \\\"\" ${s} \"\\\",\")) \"\\n]\\n\")",
        AstPrinter.print(valueOf("x = <<EOF\n[%{ for s in l }\n  \"${s}\",%{ endfor }\n]\nEOF\n")));
    // A marker that only starts a line, or another heredoc's marker, does not end it.
    assertEquals("\"EOTX\\nEOF\\n\"", AstPrinter.print(valueOf("x = <<EOT\nEOTX\nEOF\nEOT\ny = 1\n")));
    assertEquals("\"\"", AstPrinter.print(valueOf("x = <<EOT\nEOT\n")));
  }

  @Test
  void heredocsNestInListsAndInterpolationsAndTakeStripMarkers() {
    assertEquals("[\"a\\n\" 1]", AstPrinter.print(valueOf("x = [<<EOT\na\nEOT\n, 1]\n")));
    assertEquals("(template \"<\" ${(call f \"in\\n\")} \">\\n\")",
        AstPrinter.print(valueOf("x = <<A\n<${f(<<B\nin\nB\n)}>\nA\n")));
    assertEquals("(template (%for s in l (\"- \" ${s} \"\\n\")))",
        AstPrinter.print(valueOf("x = <<-EOT\n\t%{ for s in l ~}\n\t- ${s}\n\t%{ endfor ~}\n\tEOT\n")));
    assertEquals("(template (%if a (\"x\") (\"y\")))",
        AstPrinter.print(valueOf("x = \"%{ if a ~} x %{~ else ~} y %{~ endif }\"\n")));
  }

  @Test
  void bodiesHoldAttributesAndBlocksWithQuotedAndBareLabels() {
    HclResult result = HclFiles.parse("main.tf", String.join("\n",
        "# comment",
        "// another",
        "/* block",
        "   comment */",
        "resource \"aws_iam_role\" this {",
        "  name = \"r\" # trailing",
        "  inline_policy {",
        "    name = \"p\"",
        "  }",
        "  tags {}",
        "  one \"x\" { a = 1 }",
        "}",
        "terraform {",
        "}",
        ""));
    assertEquals(List.of(), result.problems());
    Body body = result.body();
    assertEquals(List.of(), body.attributes());
    Block role = body.blocks().get(0);
    assertEquals("resource", role.type());
    assertEquals(List.of("aws_iam_role", "this"), role.labelValues());
    assertEquals(new Span("main.tf", 5, 10, 5, 24), role.labels().get(0).span());
    assertEquals(new Span("main.tf", 5, 25, 5, 29), role.labels().get(1).span());
    assertEquals(new Span("main.tf", 5, 1, 12, 2), role.span());
    assertEquals(new Span("main.tf", 5, 30, 12, 2), role.body().span());
    assertEquals(List.of("inline_policy", "tags", "one"), role.body().blocks().stream().map(Block::type).toList());
    Block one = role.body().blocks("one").get(0);
    assertEquals(List.of("x"), one.labelValues());
    assertEquals("1", AstPrinter.print(one.body().attribute("a").orElseThrow().value()));
    assertEquals(List.of(), role.body().blocks("tags").get(0).body().attributes());
    assertEquals(List.of("terraform"), body.blocks().stream().skip(1).map(Block::type).toList());
  }

  @Test
  void spansAreExactOneBasedEndExclusiveInUtf16Units() {
    HclResult result = HclFiles.parse("main.tf", "a = \"😀\"\nbb = x.y[0]\n");
    Attribute a = result.body().attributes().get(0);
    assertEquals(new Span("main.tf", 1, 1, 1, 2), a.nameSpan());
    assertEquals(new Expr.StringLit("😀", new Span("main.tf", 1, 5, 1, 9)), a.value());
    Attribute bb = result.body().attributes().get(1);
    assertEquals(new Span("main.tf", 2, 1, 2, 12), bb.span());
    Span x = new Span("main.tf", 2, 6, 2, 7);
    assertEquals(new Expr.Index(
        new Expr.GetAttr(new Expr.Variable("x", x), "y", new Span("main.tf", 2, 6, 2, 9)),
        new Expr.NumberLit(BigDecimal.ZERO, new Span("main.tf", 2, 10, 2, 11)),
        new Span("main.tf", 2, 6, 2, 12)), bb.value());
  }

  @Test
  void templatePartsAndForExpressionsCarryTheirSpans() {
    Expr value = valueOf("x = \"a${b}\"\ny = [for v in l : v]\n");
    assertEquals(new Expr.Template(List.of(
        new TemplatePart.Text("a", new Span("main.tf", 1, 6, 1, 7)),
        new TemplatePart.Interpolation(new Expr.Variable("b", new Span("main.tf", 1, 9, 1, 10)),
            new Span("main.tf", 1, 7, 1, 11))),
        new Span("main.tf", 1, 5, 1, 12)), value);
    Expr forExpr = HclFiles.parse("main.tf", "y = [for v in l : v]\n").body().attributes().get(0).value();
    assertEquals(new Expr.ForExpr(Optional.empty(), "v", new Expr.Variable("l", new Span("main.tf", 1, 15, 1, 16)),
        Optional.empty(), new Expr.Variable("v", new Span("main.tf", 1, 19, 1, 20)), Optional.empty(), false,
        new Span("main.tf", 1, 5, 1, 21)), forExpr);
  }

  @Test
  void crlfLineEndingsGiveTheSameTreeAndLines() {
    String lf = "resource \"a\" \"b\" {\n  policy = <<-EOT\n    {\"a\": \"${x}\"}\n    EOT\n  n = [\n 1]\n}\n";
    HclResult unix = HclFiles.parse("main.tf", lf);
    HclResult windows = HclFiles.parse("main.tf", lf.replace("\n", "\r\n"));
    assertEquals(List.of(), windows.problems());
    Body unixBody = unix.body().blocks().get(0).body();
    Body windowsBody = windows.body().blocks().get(0).body();
    assertEquals(AstPrinter.print(unixBody.attributes().get(0).value()),
        AstPrinter.print(windowsBody.attributes().get(0).value()));
    assertEquals("(template \"{\\\"a\\\": \\\"\" ${x} \"\\\"}\\n\")",
        AstPrinter.print(windowsBody.attributes().get(0).value()));
    assertEquals(unixBody.attributes().get(1).span(), windowsBody.attributes().get(1).span());
    assertEquals("2:7: Expected a new line before the name 'b'; each attribute and block starts on a line of its own.",
        problemsOf("x = 1\r\ny = a b\r\n"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      `resource "a" "b" {\\n  x = 1\\n\\n` | 1:18: Expected '}' to close the block opened at line 1, found the end of the file.
      `x = [1 2]`          | 1:8: Expected ']' or ',', found the number 2.
      `x = 1 y = 2`        | 1:7: Expected a new line before the name 'y'; each attribute and block starts on a line of its own.
      `x = {\\n  a = 1 b = 2\\n}` | 2:9: Expected ',' or a new line between the items of the object opened at line 1, found the name 'b'.
      `x = "abc\\ny = 1`   | 1:9: This string is not closed on its line; a quoted string ends with '"' on the line where it starts (use a heredoc for text over several lines).
      `x = "a\\qb"`        | 1:7: The escape '\\q' is not valid; use \\n, \\r, \\t, \\", \\\\, \\uNNNN or \\UNNNNNNNN.
      `x = f(1, 2\\n`      | 2:1: Expected ')' to close the call of f opened at line 1, found the end of the file.
      `a {\\n  b = (1 + 2\\n}` | 3:1: Expected ')' to close the parenthesis opened at line 2, found '}'.
      `x = @`              | 1:5: Expected an expression, found the character '@', which HCL does not use.
      `x = 1\\nx = 2`      | 2:1: The attribute 'x' is already set at line 1; each attribute may be set only once in a block.
      `x = <<EOT\\nabc\\n` | 3:1: Expected a line 'EOT' to close the heredoc opened at line 1, found the end of the file.
      `x = b[c\\n}\\nd = [1]\\n` | 4:1: The index '[' opened at line 1 expected ']' before '}' at 2:1.
      `x = a[b c]`         | 1:10: The index '[' opened at line 1 expected ']' before the name 'c' at 1:9.
      `x = 1\ry = 2`      | 1:6: Expected a new line before the character '\\r', which HCL does not use; each attribute and block starts on a line of its own.
      `x = a.\\n`          | 1:7: Expected a name, an index or '*' after '.', found a new line.
      `x = 1 +\\n`         | 1:8: Expected an expression, found a new line.
      `block "${x}" {}`    | 1:8: Expected '"' or text, found an interpolation '${'.
      `x = 10.0.0.1`       | 1:5: '10.0.0.1' is not a number; write an address or version as a quoted string.
      `b { a = 1 c = 2 }`  | 1:11: Expected '}' after the attribute of a one-line block, found the name 'c'; a block on one line holds at most one attribute.
      `x = [for x in y]`   | 1:16: Expected ':', found ']'.
      `x = ]`              | 1:5: Expected an expression, found ']'.
      `= 1`                | 1:1: Expected the end of the file, a new line or a name, found '='.
      `x = "\\U0011FFFF"`  | 1:6: The escape '\\U0011FFFF' names no Unicode character.
      """)
  void syntaxErrorsAreSentencesAtExactPositions(String text, String message) {
    assertEquals(message, problemsOf(text.replace("\\n", "\n")));
  }

  @Test
  void anAttributeAndABlockOfTheSameNameAreNotAConflict() {
    HclResult result = HclFiles.parse("main.tf", "tags = {}\ntags {\n}\n");
    assertEquals(List.of(), result.problems());
    assertEquals(1, result.body().blocks("tags").size());
    assertTrue(result.body().attribute("tags").isPresent());
  }

  @Test
  void duplicateAttributesAreReportedPerBodyAndTheFirstIsKept() {
    HclResult result = HclFiles.parse("main.tf", "a {\n  x = 1\n  x = 2\n}\nb {\n  x = 3\n}\n");
    assertEquals(List.of(new InputProblem(new Span("main.tf", 3, 3, 3, 4),
        "The attribute 'x' is already set at line 2; each attribute may be set only once in a block.")),
        result.problems());
    assertEquals("1", AstPrinter.print(result.body().blocks("a").get(0).body().attribute("x").orElseThrow().value()));
  }

  @Test
  void aByteOrderMarkMayOpenTheFile() {
    assertEquals("1", AstPrinter.print(valueOf("\uFEFFx = 1\n")));
  }

  @Test
  void tenThousandNestedBracketsAreOneProblemNotACrash() {
    String deep = "x = " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    assertEquals("1:261: Brackets, braces and strings nest more than 256 levels deep here; polygraph reads no deeper.",
        problemsOf(deep));
    String deepStrings = "x = " + "\"${".repeat(10_000) + "1" + "}\"".repeat(10_000) + "\n";
    assertTrue(problemsOf(deepStrings).startsWith("1:"), problemsOf(deepStrings));
    String allowed = "x = " + "(".repeat(255) + "1" + ")".repeat(255) + "\n";
    assertEquals("1", AstPrinter.print(valueOf(allowed)));
  }

  @Test
  void aHundredThousandNotOperatorsAreOneProblemNotACrash() {
    assertEquals("1:1: The file nests expressions too deeply to read.",
        problemsOf("x = " + "!".repeat(100_000) + "a\n"));
  }

  @Test
  void aVeryLongOperatorChainIsAProblemOrATreeNeverACrash() {
    String chain = "x = 1" + " + 1".repeat(50_000) + "\n";
    HclResult result = HclFiles.parse("main.tf", chain);
    assertTrue(result.problems().isEmpty()
        || result.problems().equals(List.of(new InputProblem(Span.fileStart("main.tf"),
            "The file nests expressions too deeply to read."))), result.problems().toString());
  }
}
