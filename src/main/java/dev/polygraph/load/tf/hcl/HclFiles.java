package dev.polygraph.load.tf.hcl;

import dev.polygraph.load.tf.parser.HclLexer;
import dev.polygraph.load.tf.parser.HclParser.AttrPostfixContext;
import dev.polygraph.load.tf.parser.HclParser.AttrSplatPostfixContext;
import dev.polygraph.load.tf.parser.HclParser.AttributeContext;
import dev.polygraph.load.tf.parser.HclParser.BareLabelContext;
import dev.polygraph.load.tf.parser.HclParser.BinaryExprContext;
import dev.polygraph.load.tf.parser.HclParser.BlockContext;
import dev.polygraph.load.tf.parser.HclParser.BlockLabelContext;
import dev.polygraph.load.tf.parser.HclParser.BodyItemContext;
import dev.polygraph.load.tf.parser.HclParser.CallExprContext;
import dev.polygraph.load.tf.parser.HclParser.ConditionalExprContext;
import dev.polygraph.load.tf.parser.HclParser.ConfigFileContext;
import dev.polygraph.load.tf.parser.HclParser.ExprTermContext;
import dev.polygraph.load.tf.parser.HclParser.ExpressionContext;
import dev.polygraph.load.tf.parser.HclParser.ForDirectiveContext;
import dev.polygraph.load.tf.parser.HclParser.ForIntroContext;
import dev.polygraph.load.tf.parser.HclParser.ForItemContext;
import dev.polygraph.load.tf.parser.HclParser.ForObjectContext;
import dev.polygraph.load.tf.parser.HclParser.ForObjectExprContext;
import dev.polygraph.load.tf.parser.HclParser.ForTupleContext;
import dev.polygraph.load.tf.parser.HclParser.ForTupleExprContext;
import dev.polygraph.load.tf.parser.HclParser.FullSplatPostfixContext;
import dev.polygraph.load.tf.parser.HclParser.FunctionCallContext;
import dev.polygraph.load.tf.parser.HclParser.HeredocContext;
import dev.polygraph.load.tf.parser.HclParser.HeredocTemplateContext;
import dev.polygraph.load.tf.parser.HclParser.IdentifierContext;
import dev.polygraph.load.tf.parser.HclParser.IfDirectiveContext;
import dev.polygraph.load.tf.parser.HclParser.IfItemContext;
import dev.polygraph.load.tf.parser.HclParser.IndexPostfixContext;
import dev.polygraph.load.tf.parser.HclParser.InterpolationItemContext;
import dev.polygraph.load.tf.parser.HclParser.LegacyIndexPostfixContext;
import dev.polygraph.load.tf.parser.HclParser.NumberLitContext;
import dev.polygraph.load.tf.parser.HclParser.ObjectContext;
import dev.polygraph.load.tf.parser.HclParser.ObjectExprContext;
import dev.polygraph.load.tf.parser.HclParser.ObjectItemContext;
import dev.polygraph.load.tf.parser.HclParser.ParenExprContext;
import dev.polygraph.load.tf.parser.HclParser.PostfixContext;
import dev.polygraph.load.tf.parser.HclParser.PrimaryContext;
import dev.polygraph.load.tf.parser.HclParser.QuotedLabelContext;
import dev.polygraph.load.tf.parser.HclParser.QuotedTemplateContext;
import dev.polygraph.load.tf.parser.HclParser.TemplateContext;
import dev.polygraph.load.tf.parser.HclParser.TemplateItemContext;
import dev.polygraph.load.tf.parser.HclParser.TemplateTextContext;
import dev.polygraph.load.tf.parser.HclParser.TermExprContext;
import dev.polygraph.load.tf.parser.HclParser.TextItemContext;
import dev.polygraph.load.tf.parser.HclParser.TupleContext;
import dev.polygraph.load.tf.parser.HclParser.TupleExprContext;
import dev.polygraph.load.tf.parser.HclParser.UnaryExprContext;
import dev.polygraph.load.tf.parser.HclParser;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Reads HCL native syntax ({@code .tf} files) into a located {@link Body}. The only class that
 * touches the ANTLR runtime: it turns ANTLR's errors into sentences with exact positions, tries the
 * fast SLL prediction before full LL, and turns input nested too deeply into a problem.
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
      TreeBuilder builder = new TreeBuilder(source, toUtf16);
      Body body = builder.file(tree);
      return new HclResult(body, builder.problems);
    } catch (SyntaxErrorFound e) {
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
      parser.addErrorListener(new FirstError(source, toUtf16));
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

  private static Span pointAt(SourceFile source, IntUnaryOperator toUtf16, Token token) {
    return source.pointAt(toUtf16.applyAsInt(Math.max(token.getStartIndex(), 0)));
  }

  /** Stops the parse at the first syntax error: what follows it is ANTLR's recovery, not the input. */
  private static final class SyntaxErrorFound extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient InputProblem problem;

    SyntaxErrorFound(InputProblem problem) {
      super(problem.message(), null, false, false);
      this.problem = problem;
    }
  }

  /** Turns ANTLR's first syntax error into a sentence that names what was found and what was wanted. */
  private static final class FirstError extends BaseErrorListener {
    private final SourceFile source;
    private final IntUnaryOperator toUtf16;

    FirstError(SourceFile source, IntUnaryOperator toUtf16) {
      this.source = source;
      this.toUtf16 = toUtf16;
    }

    @Override
    public void syntaxError(
        Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg,
        RecognitionException e) {
      Token found = (Token) offending;
      Parser parser = (Parser) recognizer;
      IntervalSet expected = parser.getExpectedTokens();
      throw new SyntaxErrorFound(ErrorMessages.describe(
          source, toUtf16, parser.getContext(), found, previous(parser, found), expected,
          parser.getInputStream()));
    }
  }

  /** The significant token before {@code token}, or null at the start. */
  private static Token previous(Parser parser, Token token) {
    for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
      Token candidate = parser.getInputStream().get(i);
      if (candidate.getChannel() == Token.DEFAULT_CHANNEL) {
        return candidate;
      }
    }
    return null;
  }

  /** The sentences for syntax errors. */
  private static final class ErrorMessages {

    private static final int[] EXPRESSION_STARTS = {
      HclLexer.IDENT, HclLexer.NUMBER, HclLexer.OQUOTE, HclLexer.HEREDOC_START, HclLexer.LBRACK,
      HclLexer.LBRACE, HclLexer.LPAREN, HclLexer.MINUS, HclLexer.BANG
    };
    private static final int[] OPERATORS = {
      HclLexer.PLUS, HclLexer.MINUS, HclLexer.STAR, HclLexer.SLASH, HclLexer.PERCENT, HclLexer.EQEQ,
      HclLexer.NE, HclLexer.LT, HclLexer.LE, HclLexer.GT, HclLexer.GE, HclLexer.AND, HclLexer.OR,
      HclLexer.QUESTION, HclLexer.DOT, HclLexer.LBRACK
    };

    static InputProblem describe(
        SourceFile source, IntUnaryOperator toUtf16, ParserRuleContext context, Token found,
        Token previous, IntervalSet expected, TokenStream tokens) {
      Span at = pointAt(source, toUtf16, found);
      if (found.getType() == HclLexer.TEMPLATE_NEWLINE) {
        return new InputProblem(at,
            "This string is not closed on its line; a quoted string ends with '\"' on the line where it"
                + " starts (use a heredoc for text over several lines).");
      }
      if (found.getType() == HclLexer.TEMPLATE_BAD_ESCAPE) {
        return new InputProblem(at, "The escape " + quote(found.getText())
            + " is not valid; use \\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN.");
      }
      Opener opener = Opener.innermost(context);
      // Like HashiCorp's parser: an unclosed block is reported at its brace, anything else that is
      // still open at the end of the file at the end of the file.
      if (found.getType() == Token.EOF && opener != null) {
        Span open = pointAt(source, toUtf16, opener.token);
        return new InputProblem(opener.what.equals("block") ? open : at, "Expected " + opener.closer
            + " to close the " + opener.what + " opened at line " + open.startLine()
            + ", found the end of the file.");
      }
      // HashiCorp's parser reports an index it cannot close where its recovery ends: at the
      // matching ']' or the end of the file; the message names the spot where the index went wrong.
      if (opener != null && opener.what.equals("index") && found.getType() != HclLexer.RBRACK) {
        Token end = matchingBracket(tokens, opener.token);
        return new InputProblem(pointAt(source, toUtf16, end), "The index '[' opened at line "
            + pointAt(source, toUtf16, opener.token).startLine() + " expected ']' before "
            + describeFound(found) + " at " + at.startLine() + ":" + at.startColumn() + ".");
      }
      String foundText = describeFound(found);
      if (opener != null && expected.contains(opener.closerType) && isCloser(found.getType())) {
        return new InputProblem(at, "Expected " + opener.closer + " to close the " + opener.what
            + " opened at line " + pointAt(source, toUtf16, opener.token).startLine()
            + ", found " + foundText + ".");
      }
      if (expected.contains(HclLexer.NL) && within(context, ObjectContext.class)) {
        return new InputProblem(at, "Expected ',' or a new line between the items of the object opened"
            + " at line " + pointAt(source, toUtf16, enclosing(context, ObjectContext.class).getStart())
                .startLine() + ", found " + foundText + ".");
      }
      if (previous != null && previous.getType() == HclLexer.DOT) {
        return new InputProblem(at, "Expected a name, an index or '*' after '.', found " + foundText + ".");
      }
      if (expected.contains(HclLexer.NL) && !expected.contains(HclLexer.IDENT)
          && found.getType() != HclLexer.NL) {
        return new InputProblem(at, "Expected a new line before " + foundText
            + "; each attribute and block starts on a line of its own.");
      }
      if (opener != null && opener.what.equals("block") && expected.contains(HclLexer.RBRACE)) {
        return new InputProblem(at, "Expected '}' after the attribute of a one-line block, found "
            + foundText + "; a block on one line holds at most one attribute.");
      }
      return new InputProblem(at, "Expected " + describeExpected(expected) + ", found " + foundText + ".");
    }

    /** The ']' that closes the '[' at {@code open}, counting the brackets between, or the end of file. */
    private static Token matchingBracket(TokenStream tokens, Token open) {
      int depth = 0;
      for (int i = open.getTokenIndex(); i < tokens.size(); i++) {
        int type = tokens.get(i).getType();
        if (type == HclLexer.LBRACK) {
          depth++;
        } else if (type == HclLexer.RBRACK && --depth == 0) {
          return tokens.get(i);
        }
      }
      return tokens.get(tokens.size() - 1);
    }

    private static boolean isCloser(int type) {
      return type == HclLexer.RBRACE || type == HclLexer.RBRACK || type == HclLexer.RPAREN
          || type == HclLexer.TEMPLATE_CLOSE || type == HclLexer.CQUOTE || type == HclLexer.EOF
          || type == HclLexer.STRAY_STRIP_CLOSE;
    }

    private static boolean within(ParserRuleContext context, Class<? extends ParserRuleContext> type) {
      return enclosing(context, type) != null;
    }

    private static ParserRuleContext enclosing(
        ParserRuleContext context, Class<? extends ParserRuleContext> type) {
      for (ParserRuleContext c = context; c != null; c = c.getParent()) {
        if (type.isInstance(c)) {
          return c;
        }
      }
      return null;
    }

    static String describeFound(Token token) {
      String text = token.getText();
      switch (token.getType()) {
        case Token.EOF:
          return "the end of the file";
        case HclLexer.NL:
          return "a new line";
        case HclLexer.IDENT:
        case HclLexer.FOR:
        case HclLexer.IN:
        case HclLexer.IF:
        case HclLexer.ELSE:
        case HclLexer.ENDIF:
        case HclLexer.ENDFOR:
          return "the name " + quote(text);
        case HclLexer.NUMBER:
          return "the number " + text;
        case HclLexer.OQUOTE:
          return "a string";
        case HclLexer.HEREDOC_START:
          return "a heredoc";
        case HclLexer.TEMPLATE_INTERP:
          return "an interpolation '${'";
        case HclLexer.TEMPLATE_DIRECTIVE:
          return "a template directive '%{'";
        case HclLexer.TEMPLATE_TEXT:
        case HclLexer.HEREDOC_TEXT:
          return "the text " + quote(text);
        case HclLexer.INVALID:
          return "the character " + quote(text) + ", which HCL does not use";
        default:
          return quote(text.strip());
      }
    }

    static String describeExpected(IntervalSet expected) {
      List<String> names = new ArrayList<>();
      boolean expression = true;
      for (int type : EXPRESSION_STARTS) {
        expression &= expected.contains(type);
      }
      if (expression) {
        names.add("an expression");
      }
      boolean operator = expected.contains(HclLexer.PLUS) && expected.contains(HclLexer.OR);
      for (int type : expected.toList()) {
        if ((expression && contains(EXPRESSION_STARTS, type)) || (operator && contains(OPERATORS, type))
            || type == HclLexer.FOR || type == HclLexer.IN || type == HclLexer.IF
            || type == HclLexer.ELSE || type == HclLexer.ENDIF || type == HclLexer.ENDFOR) {
          if (!expression && type == HclLexer.IDENT) {
            names.add("a name");
          }
          continue;
        }
        names.add(describeType(type));
      }
      if (!expression && expected.contains(HclLexer.IDENT) && !names.contains("a name")) {
        names.add(0, "a name");
      }
      if (operator) {
        names.add("an operator");
      }
      List<String> distinct = names.stream().distinct().limit(5).toList();
      if (distinct.isEmpty()) {
        return "something else";
      }
      if (distinct.size() == 1) {
        return distinct.get(0);
      }
      return String.join(", ", distinct.subList(0, distinct.size() - 1)) + " or " + distinct.get(distinct.size() - 1);
    }

    private static String describeType(int type) {
      switch (type) {
        case Token.EOF:
          return "the end of the file";
        case HclLexer.NL:
          return "a new line";
        case HclLexer.IDENT:
          return "a name";
        case HclLexer.NUMBER:
          return "a number";
        case HclLexer.OQUOTE:
          return "a string";
        case HclLexer.HEREDOC_START:
          return "a heredoc";
        case HclLexer.HEREDOC_END:
          return "the heredoc's closing marker";
        case HclLexer.TEMPLATE_CLOSE:
          return "'}'";
        case HclLexer.TEMPLATE_INTERP:
          return "'${'";
        case HclLexer.TEMPLATE_DIRECTIVE:
          return "'%{'";
        case HclLexer.CQUOTE:
          return "'\"'";
        case HclLexer.TEMPLATE_TEXT:
        case HclLexer.TEMPLATE_ESCAPE:
        case HclLexer.TEMPLATE_BAD_ESCAPE:
        case HclLexer.TEMPLATE_ESCAPED:
        case HclLexer.HEREDOC_TEXT:
        case HclLexer.HEREDOC_NEWLINE:
          return "text";
        default:
          String literal = HclLexer.VOCABULARY.getLiteralName(type);
          return literal != null ? literal : HclLexer.VOCABULARY.getDisplayName(type);
      }
    }

    private static boolean contains(int[] types, int type) {
      for (int t : types) {
        if (t == type) {
          return true;
        }
      }
      return false;
    }

    private static String quote(String text) {
      String shown = text.length() > 30 ? text.substring(0, 30) + "…" : text;
      return "'" + shown.replace("\r", "\\r").replace("\n", "\\n") + "'";
    }
  }

  /** The innermost construct still waiting for its closing token. */
  private static final class Opener {
    final Token token;
    final String closer;
    final int closerType;
    final String what;

    private Opener(Token token, String closer, int closerType, String what) {
      this.token = token;
      this.closer = closer;
      this.closerType = closerType;
      this.what = what;
    }

    static Opener innermost(ParserRuleContext context) {
      for (ParserRuleContext c = context; c != null; c = c.getParent()) {
        if (c instanceof IndexPostfixContext index && index.RBRACK() == null) {
          return new Opener(index.LBRACK().getSymbol(), "']'", HclLexer.RBRACK, "index");
        }
        if (c instanceof BlockContext block && block.LBRACE() != null && block.RBRACE() == null) {
          return new Opener(block.LBRACE().getSymbol(), "'}'", HclLexer.RBRACE, "block");
        }
        if (c instanceof ObjectContext object && object.RBRACE() == null) {
          return new Opener(object.getStart(), "'}'", HclLexer.RBRACE, "object");
        }
        if (c instanceof ForObjectContext forObject && forObject.RBRACE() == null) {
          return new Opener(forObject.getStart(), "'}'", HclLexer.RBRACE, "for expression");
        }
        if ((c instanceof TupleContext || c instanceof ForTupleContext) && lastIsNot(c, HclLexer.RBRACK)) {
          return new Opener(c.getStart(), "']'", HclLexer.RBRACK, "list");
        }
        if (c instanceof FunctionCallContext call && call.RPAREN() == null) {
          return new Opener(call.LPAREN() != null ? call.LPAREN().getSymbol() : call.getStart(), "')'",
              HclLexer.RPAREN, "call of " + call.getStart().getText());
        }
        if (c instanceof ParenExprContext paren && paren.RPAREN() == null) {
          return new Opener(paren.getStart(), "')'", HclLexer.RPAREN, "parenthesis");
        }
        if (c instanceof TemplateContext template && template.CQUOTE() == null) {
          return new Opener(template.getStart(), "'\"'", HclLexer.CQUOTE, "string");
        }
        if (c instanceof HeredocContext heredoc && heredoc.HEREDOC_END() == null) {
          String marker = heredoc.getStart().getText().replaceFirst("^<<-?", "").strip();
          return new Opener(heredoc.getStart(), "a line '" + marker + "'", HclLexer.HEREDOC_END, "heredoc");
        }
      }
      return null;
    }

    private static boolean lastIsNot(ParserRuleContext c, int type) {
      return c.getStop() == null || c.getStop().getType() != type || c.getStop() == c.getStart();
    }
  }

  /** Builds the located tree from a parse tree that has no syntax errors. */
  private static final class TreeBuilder {
    private final SourceFile source;
    private final IntUnaryOperator toUtf16;
    private final List<InputProblem> problems = new ArrayList<>();
    /** Heredoc text tokens of {@code <<-} heredocs and how many indentation characters they lose. */
    private final Map<Token, Integer> dedent = new IdentityHashMap<>();

    TreeBuilder(SourceFile source, IntUnaryOperator toUtf16) {
      this.source = source;
      this.toUtf16 = toUtf16;
    }

    Body file(ConfigFileContext ctx) {
      int end = toUtf16.applyAsInt(source.text().codePointCount(0, source.text().length()));
      Span whole = new Span(source.name(), 1, 1, source.pointAt(end).startLine(),
          source.pointAt(end).startColumn());
      return body(ctx.bodyItem(), whole);
    }

    private Body body(List<BodyItemContext> items, Span span) {
      List<Attribute> attributes = new ArrayList<>();
      List<Block> blocks = new ArrayList<>();
      Map<String, Attribute> seen = new HashMap<>();
      for (BodyItemContext item : items) {
        if (item.attribute() != null) {
          Attribute attribute = attribute(item.attribute());
          Attribute first = seen.putIfAbsent(attribute.name(), attribute);
          if (first != null) {
            problems.add(new InputProblem(attribute.nameSpan(), "The attribute '" + attribute.name()
                + "' is already set at line " + first.nameSpan().startLine()
                + "; each attribute may be set only once in a block."));
          } else {
            attributes.add(attribute);
          }
        } else {
          blocks.add(block(item.block()));
        }
      }
      return new Body(attributes, blocks, span);
    }

    private Attribute attribute(AttributeContext ctx) {
      Expr value = expr(ctx.expression());
      Span name = span(ctx.identifier());
      return new Attribute(ctx.identifier().getText(), name, value, name.union(value.span()));
    }

    private Block block(BlockContext ctx) {
      List<Block.Label> labels = new ArrayList<>();
      for (BlockLabelContext label : ctx.blockLabel()) {
        if (label instanceof BareLabelContext bare) {
          labels.add(new Block.Label(bare.getText(), span(bare)));
        } else {
          QuotedLabelContext quoted = (QuotedLabelContext) label;
          StringBuilder value = new StringBuilder();
          for (TemplateTextContext text : quoted.templateText()) {
            value.append(literalText(text));
          }
          labels.add(new Block.Label(value.toString(), span(quoted)));
        }
      }
      List<BodyItemContext> items = new ArrayList<>(ctx.bodyItem());
      Body body;
      Span braces = span(ctx.LBRACE().getSymbol(), ctx.RBRACE().getSymbol());
      if (ctx.attribute() != null) {
        Attribute only = attribute(ctx.attribute());
        body = new Body(List.of(only), List.of(), braces);
      } else {
        body = body(items, braces);
      }
      return new Block(ctx.identifier().getText(), labels, body, span(ctx));
    }

    Expr expr(ExpressionContext ctx) {
      if (ctx instanceof TermExprContext term) {
        return exprTerm(term.exprTerm());
      }
      if (ctx instanceof UnaryExprContext unary) {
        Operator op = unary.op.getType() == HclLexer.BANG ? Operator.NOT : Operator.NEGATE;
        return new Expr.Unary(op, expr(unary.expression()), span(ctx));
      }
      if (ctx instanceof BinaryExprContext binary) {
        return new Expr.Binary(binaryOperator(binary.op), expr(binary.expression(0)),
            expr(binary.expression(1)), span(ctx));
      }
      ConditionalExprContext conditional = (ConditionalExprContext) ctx;
      return new Expr.Conditional(expr(conditional.expression(0)), expr(conditional.expression(1)),
          expr(conditional.expression(2)), span(ctx));
    }

    private static Operator binaryOperator(Token op) {
      switch (op.getType()) {
        case HclLexer.STAR: return Operator.MULTIPLY;
        case HclLexer.SLASH: return Operator.DIVIDE;
        case HclLexer.PERCENT: return Operator.MODULO;
        case HclLexer.PLUS: return Operator.ADD;
        case HclLexer.MINUS: return Operator.SUBTRACT;
        case HclLexer.LT: return Operator.LESS;
        case HclLexer.GT: return Operator.GREATER;
        case HclLexer.LE: return Operator.LESS_OR_EQUAL;
        case HclLexer.GE: return Operator.GREATER_OR_EQUAL;
        case HclLexer.EQEQ: return Operator.EQUAL;
        case HclLexer.NE: return Operator.NOT_EQUAL;
        case HclLexer.AND: return Operator.AND;
        default: return Operator.OR;
      }
    }

    /** Applies postfix operators left to right; a splat takes the steps after it as its {@code each}. */
    private Expr exprTerm(ExprTermContext ctx) {
      Expr current = primary(ctx.primary());
      List<PostfixContext> postfixes = ctx.postfix();
      int i = 0;
      while (i < postfixes.size()) {
        PostfixContext postfix = postfixes.get(i);
        boolean full = postfix instanceof FullSplatPostfixContext;
        if (full || postfix instanceof AttrSplatPostfixContext) {
          Expr each = new Expr.SplatItem(span(postfix));
          int j = i + 1;
          while (j < postfixes.size() && continuesSplat(postfixes.get(j), full)) {
            each = step(each, postfixes.get(j));
            j++;
          }
          current = new Expr.Splat(current, each, current.span().union(each.span()));
          i = j;
        } else {
          current = step(current, postfix);
          i++;
        }
      }
      return current;
    }

    private static boolean continuesSplat(PostfixContext next, boolean full) {
      return next instanceof AttrPostfixContext || next instanceof LegacyIndexPostfixContext
          || (full && next instanceof IndexPostfixContext);
    }

    private Expr step(Expr source, PostfixContext postfix) {
      Span span = source.span().union(span(postfix));
      if (postfix instanceof AttrPostfixContext attr) {
        return new Expr.GetAttr(source, attr.identifier().getText(), span);
      }
      if (postfix instanceof IndexPostfixContext index) {
        return new Expr.Index(source, expr(index.expression()), span);
      }
      // Legacy index: "a.0.1" lexes ".0.1" as one number, which is two indexes.
      Token number = ((LegacyIndexPostfixContext) postfix).NUMBER().getSymbol();
      Expr current = source;
      int offset = toUtf16.applyAsInt(number.getStartIndex());
      for (String digits : number.getText().split("\\.")) {
        Span keySpan = range(offset, offset + digits.length());
        current = new Expr.Index(current, new Expr.NumberLit(new BigDecimal(digits), keySpan),
            source.span().union(keySpan));
        offset += digits.length() + 1;
      }
      return current;
    }

    private Expr primary(PrimaryContext ctx) {
      if (ctx instanceof NumberLitContext number) {
        String text = number.NUMBER().getText();
        if (text.indexOf('.') != text.lastIndexOf('.')) {
          problems.add(new InputProblem(span(ctx), "'" + text + "' is not a number; write an address"
              + " or version as a quoted string."));
          return new Expr.StringLit(text, span(ctx));
        }
        return new Expr.NumberLit(new BigDecimal(text), span(ctx));
      }
      if (ctx instanceof HclParser.VariableExprContext variable) {
        String name = variable.getText();
        switch (name) {
          case "true": return new Expr.BoolLit(true, span(ctx));
          case "false": return new Expr.BoolLit(false, span(ctx));
          case "null": return new Expr.NullLit(span(ctx));
          default: return new Expr.Variable(name, span(ctx));
        }
      }
      if (ctx instanceof QuotedTemplateContext quoted) {
        return template(quoted.template().templateItem(), false, span(ctx));
      }
      if (ctx instanceof HeredocTemplateContext heredoc) {
        boolean indented = heredoc.heredoc().HEREDOC_START().getText().startsWith("<<-");
        return template(heredoc.heredoc().templateItem(), indented, span(ctx));
      }
      if (ctx instanceof CallExprContext call) {
        return call(call.functionCall());
      }
      if (ctx instanceof TupleExprContext tuple) {
        List<Expr> items = new ArrayList<>();
        for (ExpressionContext item : tuple.tuple().expression()) {
          items.add(expr(item));
        }
        return new Expr.TupleCons(items, span(ctx));
      }
      if (ctx instanceof ObjectExprContext object) {
        List<Expr.ObjectItem> items = new ArrayList<>();
        for (ObjectItemContext item : object.object().objectItem()) {
          items.add(new Expr.ObjectItem(objectKey(item.expression(0)), expr(item.expression(1))));
        }
        return new Expr.ObjectCons(items, span(ctx));
      }
      if (ctx instanceof ForTupleExprContext forTuple) {
        ForTupleContext f = forTuple.forTuple();
        return forExpr(f.forIntro(), Optional.empty(), expr(f.expression()),
            f.forCondition() == null ? null : f.forCondition().expression(), false, span(ctx));
      }
      if (ctx instanceof ForObjectExprContext forObject) {
        ForObjectContext f = forObject.forObject();
        return forExpr(f.forIntro(), Optional.of(expr(f.expression(0))), expr(f.expression(1)),
            f.forCondition() == null ? null : f.forCondition().expression(), f.ELLIPSIS() != null,
            span(ctx));
      }
      // Parentheses only group: the inner expression keeps its own span.
      return expr(((ParenExprContext) ctx).expression());
    }

    private Expr forExpr(
        ForIntroContext intro, Optional<Expr> key, Expr value, ExpressionContext condition,
        boolean grouping, Span span) {
      List<IdentifierContext> names = intro.identifier();
      Optional<String> keyVar = names.size() == 2 ? Optional.of(names.get(0).getText()) : Optional.empty();
      String valueVar = names.get(names.size() - 1).getText();
      return new Expr.ForExpr(keyVar, valueVar, expr(intro.expression()), key, value,
          condition == null ? Optional.empty() : Optional.of(expr(condition)), grouping, span);
    }

    /** A bare name as an object key is that name as a string; parentheses make it a reference. */
    private Expr objectKey(ExpressionContext ctx) {
      if (ctx instanceof TermExprContext term && term.exprTerm().postfix().isEmpty()
          && term.exprTerm().primary() instanceof HclParser.VariableExprContext variable) {
        return new Expr.StringLit(variable.getText(), span(ctx));
      }
      return expr(ctx);
    }

    private Expr call(FunctionCallContext ctx) {
      StringBuilder name = new StringBuilder();
      for (IdentifierContext part : ctx.identifier()) {
        if (name.length() > 0) {
          name.append("::");
        }
        name.append(part.getText());
      }
      List<Expr> args = new ArrayList<>();
      for (ExpressionContext arg : ctx.expression()) {
        args.add(expr(arg));
      }
      return new Expr.FunctionCall(name.toString(), args, ctx.ELLIPSIS() != null, span(ctx));
    }

    // ------------------------------------------------------------------------------- templates

    /** One template item before strip markers and indentation are applied. */
    private static final class Piece {
      String text;
      final TemplatePart part;
      final Span span;
      final boolean newline;
      final boolean stripBefore;
      final boolean stripAfter;

      Piece(String text, Span span, boolean newline) {
        this.text = text;
        this.part = null;
        this.span = span;
        this.newline = newline;
        this.stripBefore = false;
        this.stripAfter = false;
      }

      Piece(TemplatePart part, boolean stripBefore, boolean stripAfter) {
        this.text = null;
        this.part = part;
        this.span = part.span();
        this.newline = false;
        this.stripBefore = stripBefore;
        this.stripAfter = stripAfter;
      }
    }

    private Expr template(List<TemplateItemContext> items, boolean indented, Span span) {
      int dedent = indented ? planIndentation(items) : 0;
      List<Piece> pieces = pieces(items);
      List<TemplatePart> parts = finish(pieces, false, false);
      if (parts.isEmpty()) {
        return new Expr.StringLit("", span, dedent);
      }
      if (parts.size() == 1 && parts.get(0) instanceof TemplatePart.Text text) {
        return new Expr.StringLit(text.text(), span, dedent);
      }
      return new Expr.Template(parts, span, dedent);
    }

    private List<Piece> pieces(List<TemplateItemContext> items) {
      List<Piece> pieces = new ArrayList<>();
      for (TemplateItemContext item : items) {
        if (item instanceof TextItemContext text) {
          Token token = text.templateText().getStart();
          boolean newline = token.getType() == HclLexer.HEREDOC_NEWLINE;
          String literal = newline ? "\n" : literalText(text.templateText());
          Integer indent = dedent.get(token);
          pieces.add(new Piece(indent == null ? literal : literal.substring(indent), span(text), newline));
        } else if (item instanceof InterpolationItemContext interpolation) {
          TemplatePart part = new TemplatePart.Interpolation(expr(interpolation.expression()), span(item));
          pieces.add(new Piece(part, strips(interpolation.TEMPLATE_INTERP().getSymbol()),
              strips(interpolation.TEMPLATE_CLOSE().getSymbol())));
        } else if (item instanceof IfItemContext ifItem) {
          pieces.add(ifDirective(ifItem.ifDirective()));
        } else {
          pieces.add(forDirective(((ForItemContext) item).forDirective()));
        }
      }
      return pieces;
    }

    private Piece ifDirective(IfDirectiveContext ctx) {
      List<Token> opens = symbols(ctx.TEMPLATE_DIRECTIVE());
      List<Token> closes = symbols(ctx.TEMPLATE_CLOSE());
      boolean hasElse = ctx.ELSE() != null;
      int elseAt = hasElse ? ctx.ELSE().getSymbol().getTokenIndex() : Integer.MAX_VALUE;
      List<TemplateItemContext> thenItems = new ArrayList<>();
      List<TemplateItemContext> elseItems = new ArrayList<>();
      for (TemplateItemContext item : ctx.templateItem()) {
        (item.getStart().getTokenIndex() < elseAt ? thenItems : elseItems).add(item);
      }
      List<TemplatePart> then = finish(pieces(thenItems), strips(closes.get(0)), strips(opens.get(1)));
      List<TemplatePart> otherwise = hasElse
          ? finish(pieces(elseItems), strips(closes.get(1)), strips(opens.get(2)))
          : List.of();
      TemplatePart part = new TemplatePart.If(expr(ctx.expression()), then, otherwise, span(ctx));
      return new Piece(part, strips(opens.get(0)), strips(closes.get(closes.size() - 1)));
    }

    private Piece forDirective(ForDirectiveContext ctx) {
      List<Token> opens = symbols(ctx.TEMPLATE_DIRECTIVE());
      List<Token> closes = symbols(ctx.TEMPLATE_CLOSE());
      List<IdentifierContext> names = ctx.identifier();
      Optional<String> keyVar = names.size() == 2 ? Optional.of(names.get(0).getText()) : Optional.empty();
      List<TemplatePart> body = finish(pieces(ctx.templateItem()), strips(closes.get(0)), strips(opens.get(1)));
      TemplatePart part = new TemplatePart.For(keyVar, names.get(names.size() - 1).getText(),
          expr(ctx.expression()), body, span(ctx));
      return new Piece(part, strips(opens.get(0)), strips(closes.get(1)));
    }

    private static List<Token> symbols(List<TerminalNode> nodes) {
      return nodes.stream().map(TerminalNode::getSymbol).toList();
    }

    /** Whether an opening ({@code ${~}) or closing ({@code ~}}) token carries a strip marker. */
    private static boolean strips(Token token) {
      String text = token.getText();
      return text.endsWith("~") || text.startsWith("~");
    }

    /**
     * {@code <<-}: plans to remove the smallest indentation of the non-blank lines from every line,
     * over the heredoc's text as written (directive bodies included). A line starting with an
     * interpolation or directive has no indentation.
     */
    /** Plans the indentation {@code <<-} removes from each line; returns how much (0 for none). */
    private int planIndentation(List<TemplateItemContext> items) {
      List<Token> flat = new ArrayList<>();
      flatten(items, flat);
      int least = Integer.MAX_VALUE;
      boolean lineStart = true;
      for (int i = 0; i < flat.size(); i++) {
        Token token = flat.get(i);
        if (lineStart && token.getType() != HclLexer.HEREDOC_NEWLINE) {
          if (token.getType() == HclLexer.HEREDOC_TEXT) {
            int indent = indentation(token.getText());
            boolean blank = indent == token.getText().length()
                && (i + 1 == flat.size() || flat.get(i + 1).getType() == HclLexer.HEREDOC_NEWLINE);
            if (!blank) {
              least = Math.min(least, indent);
            }
          } else {
            least = 0;
          }
        }
        lineStart = token.getType() == HclLexer.HEREDOC_NEWLINE;
      }
      if (least == Integer.MAX_VALUE || least == 0) {
        return 0;
      }
      lineStart = true;
      for (Token token : flat) {
        if (lineStart && token.getType() == HclLexer.HEREDOC_TEXT) {
          dedent.put(token, Math.min(least, indentation(token.getText())));
        }
        lineStart = token.getType() == HclLexer.HEREDOC_NEWLINE;
      }
      return least;
    }

    /** The heredoc's literal tokens and the opening tokens of its interpolations and directive tags. */
    private static void flatten(List<? extends ParseTree> nodes, List<Token> flat) {
      for (ParseTree node : nodes) {
        if (node instanceof TextItemContext text) {
          flat.add(text.templateText().getStart());
        } else if (node instanceof InterpolationItemContext interpolation) {
          flat.add(interpolation.TEMPLATE_INTERP().getSymbol());
        } else if (node instanceof IfItemContext || node instanceof ForItemContext) {
          flatten(List.of(node.getChild(0)), flat);
        } else if (node instanceof IfDirectiveContext || node instanceof ForDirectiveContext) {
          for (int i = 0; i < node.getChildCount(); i++) {
            ParseTree child = node.getChild(i);
            if (child instanceof TerminalNode terminal
                && terminal.getSymbol().getType() == HclLexer.TEMPLATE_DIRECTIVE) {
              flat.add(terminal.getSymbol());
            } else if (child instanceof TemplateItemContext) {
              flatten(List.of(child), flat);
            }
          }
        }
      }
    }

    private static int indentation(String text) {
      int n = 0;
      while (n < text.length() && (text.charAt(n) == ' ' || text.charAt(n) == '\t')) {
        n++;
      }
      return n;
    }

    /**
     * Applies strip markers (a {@code ~} removes the whitespace, newlines included, of the text beside
     * it) and merges adjacent text. {@code stripStart}/{@code stripEnd} come from the enclosing
     * directive's tags.
     */
    private List<TemplatePart> finish(List<Piece> pieces, boolean stripStart, boolean stripEnd) {
      for (int i = 0; i < pieces.size(); i++) {
        Piece piece = pieces.get(i);
        if (piece.part == null) {
          boolean stripLeading = i == 0 ? stripStart : pieces.get(i - 1).stripAfter;
          boolean stripTrailing = i == pieces.size() - 1 ? stripEnd : pieces.get(i + 1).stripBefore;
          if (stripLeading) {
            piece.text = piece.text.stripLeading();
          }
          if (stripTrailing) {
            piece.text = piece.text.stripTrailing();
          }
        }
      }
      List<TemplatePart> parts = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      Span textSpan = null;
      for (Piece piece : pieces) {
        if (piece.part == null) {
          text.append(piece.text);
          textSpan = textSpan == null ? piece.span : textSpan.union(piece.span);
          continue;
        }
        if (textSpan != null && text.length() > 0) {
          parts.add(new TemplatePart.Text(text.toString(), textSpan));
        }
        text.setLength(0);
        textSpan = null;
        parts.add(piece.part);
      }
      if (textSpan != null && text.length() > 0) {
        parts.add(new TemplatePart.Text(text.toString(), textSpan));
      }
      return parts;
    }

    /** The text a literal token stands for, escapes resolved; a bad escape is a problem. */
    private String literalText(TemplateTextContext ctx) {
      Token token = ctx.getStart();
      String text = token.getText();
      switch (token.getType()) {
        case HclLexer.TEMPLATE_ESCAPED:
          return text.substring(1);
        case HclLexer.HEREDOC_NEWLINE:
          return "\n";
        case HclLexer.TEMPLATE_ESCAPE:
          return unescape(text, token);
        case HclLexer.TEMPLATE_BAD_ESCAPE:
          problems.add(new InputProblem(pointAt(source, toUtf16, token), "The escape '" + text
              + "' is not valid; use \\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN."));
          return text;
        default:
          return text;
      }
    }

    private String unescape(String text, Token token) {
      switch (text.charAt(1)) {
        case 'n': return "\n";
        case 'r': return "\r";
        case 't': return "\t";
        case '"': return "\"";
        case '\\': return "\\";
        default:
          int codePoint = Integer.parseInt(text.substring(2), 16);
          if (!Character.isValidCodePoint(codePoint)) {
            problems.add(new InputProblem(pointAt(source, toUtf16, token),
                "The escape '" + text + "' names no Unicode character."));
            return text;
          }
          return new String(Character.toChars(codePoint));
      }
    }

    // ----------------------------------------------------------------------------------- spans

    private Span span(ParserRuleContext ctx) {
      return span(ctx.getStart(), ctx.getStop());
    }

    private Span span(Token start, Token stop) {
      int from = toUtf16.applyAsInt(start.getStartIndex());
      int to = toUtf16.applyAsInt(Math.max(stop.getStopIndex() + 1, start.getStartIndex()));
      return range(from, to);
    }

    private Span range(int from, int to) {
      Span start = source.pointAt(from);
      Span end = source.pointAt(to);
      return new Span(source.name(), start.startLine(), start.startColumn(), end.startLine(), end.startColumn());
    }
  }
}
