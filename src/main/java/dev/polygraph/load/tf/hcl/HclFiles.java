package dev.polygraph.load.tf.hcl;

import dev.polygraph.load.tf.parser.HclLexer;
import dev.polygraph.load.tf.parser.HclParser.ConfigFileContext;
import dev.polygraph.load.tf.parser.HclParser;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Reads HCL native syntax ({@code .tf} files) into a located {@link Body}: the facade of the parser
 * and the only public entry to the ANTLR runtime. It tries the fast SLL prediction before full LL,
 * leaves the sentences of syntax errors to {@link HclErrors} and the tree to {@link AstBuilder}, and
 * turns input nested too deeply into a problem.
 */
public final class HclFiles {

  private HclFiles() {}

  /** Parses one file; never throws for bad input. */
  public static HclResult parse(SourceFile source) {
    String text = source.text();
    IntUnaryOperator toUtf16 = utf16Offsets(text);
    Body empty = new Body(List.of(), List.of(), Span.fileStart(source.name()));
    HclLexer lexer = new HclLexer(CharStreams.fromString(text, source.name()));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    try {
      tokens.fill();
    } catch (HclLexer.NestingTooDeepException e) {
      Span at = Span.point(source.name(), e.line, e.column + 1);
      return new HclResult(empty, List.of(new InputProblem(at, String.format(
          "Brackets, braces and strings nest more than %d levels deep here; polygraph reads no deeper.",
          HclLexer.MAX_NESTING))));
    }
    try {
      ConfigFileContext tree = parseTree(tokens, source, toUtf16);
      AstBuilder builder = new AstBuilder(source, toUtf16);
      Body body = builder.file(tree);
      return new HclResult(body, builder.problems);
    } catch (HclErrors.SyntaxErrorFound e) {
      return new HclResult(empty, List.of(e.problem));
    } catch (StackOverflowError e) {
      return new HclResult(empty, List.of(new InputProblem(Span.fileStart(source.name()),
          "The file nests expressions too deeply to read.")));
    }
  }

  /**
   * Parses a whole file as a template, as {@code templatefile} reads it. The text is read as the
   * content of a heredoc, so the grammar's template modes apply unchanged; problems are reported at
   * the file's own lines. Spans inside the parts are one line below the file's lines.
   */
  public static TemplateResult parseTemplate(SourceFile source) {
    String text = source.text();
    String marker = "POLYGRAPH_TEMPLATE_END";
    while (text.contains(marker)) {
      marker = marker + "_";
    }
    boolean endsWithNewline = text.endsWith("\n");
    String wrapped = "t = <<" + marker + "\n" + text + (endsWithNewline ? "" : "\n") + marker + "\n";
    HclResult result = parse(new SourceFile(source.path(), source.name(), wrapped));
    List<InputProblem> problems = new ArrayList<>();
    for (InputProblem p : result.problems()) {
      Span s = p.span();
      Span at = s.startLine() < 2 ? Span.fileStart(source.name())
          : new Span(s.file(), s.startLine() - 1, s.startColumn(), Math.max(s.endLine() - 1, s.startLine() - 1),
              s.endLine() - 1 < s.startLine() - 1 ? s.startColumn() : s.endColumn());
      problems.add(new InputProblem(at, p.message()));
    }
    if (!problems.isEmpty() || result.body().attributes().isEmpty()) {
      return new TemplateResult(List.of(), problems.isEmpty()
          ? List.of(new InputProblem(Span.fileStart(source.name()), "The template could not be read."))
          : problems);
    }
    Expr value = result.body().attributes().get(0).value();
    List<TemplatePart> parts = new ArrayList<>();
    if (value instanceof Expr.StringLit literal) {
      parts.add(new TemplatePart.Text(literal.value(), literal.span()));
    } else if (value instanceof Expr.Template template) {
      parts.addAll(template.parts());
    }
    if (!endsWithNewline && !parts.isEmpty()
        && parts.get(parts.size() - 1) instanceof TemplatePart.Text last && last.text().endsWith("\n")) {
      parts.set(parts.size() - 1,
          new TemplatePart.Text(last.text().substring(0, last.text().length() - 1), last.span()));
    }
    return new TemplateResult(parts, List.of());
  }

  /** Parses from a path-less name and text, for tests and tools. */
  public static HclResult parse(String name, String text) {
    return parse(new SourceFile(null, name, text));
  }

  /** SLL first: it decides almost every real file; only a failure there pays for full LL. */
  private static ConfigFileContext parseTree(
      CommonTokenStream tokens, SourceFile source, IntUnaryOperator toUtf16) {
    HclParser parser = new HclParser(tokens);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      return parser.configFile();
    } catch (ParseCancellationException e) {
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.addErrorListener(new HclErrors.FirstError(source, toUtf16));
      return parser.configFile();
    }
  }

  /** Maps ANTLR's code point offsets to UTF-16 offsets; the identity when the text has no surrogates. */
  private static IntUnaryOperator utf16Offsets(String text) {
    if (text.codePoints().count() == text.length()) {
      return IntUnaryOperator.identity();
    }
    int[] offsets = new int[text.codePointCount(0, text.length()) + 1];
    int utf16 = 0;
    for (int cp = 0; cp < offsets.length - 1; cp++) {
      offsets[cp] = utf16;
      utf16 += Character.charCount(text.codePointAt(utf16));
    }
    offsets[offsets.length - 1] = utf16;
    return cp -> offsets[Math.min(Math.max(cp, 0), offsets.length - 1)];
  }
}
