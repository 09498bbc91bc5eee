package dev.polygraph.load.tf.hcl;

import dev.polygraph.load.tf.parser.HclLexer;
import dev.polygraph.load.tf.parser.HclParser.BlockContext;
import dev.polygraph.load.tf.parser.HclParser.ForObjectContext;
import dev.polygraph.load.tf.parser.HclParser.ForTupleContext;
import dev.polygraph.load.tf.parser.HclParser.FunctionCallContext;
import dev.polygraph.load.tf.parser.HclParser.HeredocContext;
import dev.polygraph.load.tf.parser.HclParser.IndexPostfixContext;
import dev.polygraph.load.tf.parser.HclParser.ObjectContext;
import dev.polygraph.load.tf.parser.HclParser.ParenExprContext;
import dev.polygraph.load.tf.parser.HclParser.TemplateContext;
import dev.polygraph.load.tf.parser.HclParser.TupleContext;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns ANTLR's syntax errors into located sentences people can read: what was found, what was
 * wanted, and which bracket, block or string is still open. Only the first error counts; what
 * follows it is ANTLR's recovery, not the input.
 */
final class HclErrors {

  private HclErrors() {}

  /** Where a token starts, in UTF-16 columns. */
  static Span pointAt(SourceFile source, IntUnaryOperator toUtf16, Token token) {
    return source.pointAt(toUtf16.applyAsInt(Math.max(token.getStartIndex(), 0)));
  }

  /** Stops the parse at the first syntax error: what follows it is ANTLR's recovery, not the input. */
  static final class SyntaxErrorFound extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient InputProblem problem;

    SyntaxErrorFound(InputProblem problem) {
      super(problem.message(), null, false, false);
      this.problem = problem;
    }
  }

  /** Turns ANTLR's first syntax error into a sentence that names what was found and what was wanted. */
  static final class FirstError extends BaseErrorListener {
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
      throw new SyntaxErrorFound(describe(
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
}
