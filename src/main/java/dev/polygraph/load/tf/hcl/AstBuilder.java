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
import dev.polygraph.load.tf.parser.HclParser.HeredocTemplateContext;
import dev.polygraph.load.tf.parser.HclParser.IdentifierContext;
import dev.polygraph.load.tf.parser.HclParser.IfDirectiveContext;
import dev.polygraph.load.tf.parser.HclParser.IfItemContext;
import dev.polygraph.load.tf.parser.HclParser.IndexPostfixContext;
import dev.polygraph.load.tf.parser.HclParser.InterpolationItemContext;
import dev.polygraph.load.tf.parser.HclParser.LegacyIndexPostfixContext;
import dev.polygraph.load.tf.parser.HclParser.NumberLitContext;
import dev.polygraph.load.tf.parser.HclParser.ObjectExprContext;
import dev.polygraph.load.tf.parser.HclParser.ObjectItemContext;
import dev.polygraph.load.tf.parser.HclParser.ParenExprContext;
import dev.polygraph.load.tf.parser.HclParser.PostfixContext;
import dev.polygraph.load.tf.parser.HclParser.PrimaryContext;
import dev.polygraph.load.tf.parser.HclParser.QuotedLabelContext;
import dev.polygraph.load.tf.parser.HclParser.QuotedTemplateContext;
import dev.polygraph.load.tf.parser.HclParser.TemplateItemContext;
import dev.polygraph.load.tf.parser.HclParser.TemplateTextContext;
import dev.polygraph.load.tf.parser.HclParser.TermExprContext;
import dev.polygraph.load.tf.parser.HclParser.TextItemContext;
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
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the located tree ({@link Body}, {@link Expr}) from a parse tree that has no syntax errors:
 * escapes resolved, strip markers and heredoc indentation applied, every node with its span in
 * UTF-16 columns. Problems the grammar cannot see (a bad escape, a dotted number) are collected.
 */
final class AstBuilder {
  private final SourceFile source;
  private final IntUnaryOperator toUtf16;
  final List<InputProblem> problems = new ArrayList<>();
  /** Heredoc text tokens of {@code <<-} heredocs and how many indentation characters they lose. */
  private final Map<Token, Integer> dedent = new IdentityHashMap<>();

  AstBuilder(SourceFile source, IntUnaryOperator toUtf16) {
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
        problems.add(new InputProblem(HclErrors.pointAt(source, toUtf16, token), "The escape '" + text
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
          problems.add(new InputProblem(HclErrors.pointAt(source, toUtf16, token),
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
