package dev.polygraph.load.tf.eval;

import static dev.polygraph.load.tf.eval.Args.fail;
import static dev.polygraph.load.tf.eval.Args.notKnown;

import dev.polygraph.load.tf.hcl.ExprText;
import dev.polygraph.source.Span;
import dev.polygraph.value.Absent;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** {@code format()}: Terraform's verbs %s %d %f %v %q %t %% with flags, width and precision. */
final class Formatter {

  private final Span span;

  Formatter(Span span) {
    this.span = span;
  }

  Text format(String format, List<Value> args) {
    return format(format, args, null);
  }

  /**
   * @param names how each argument is written, to name an argument not known after it: its place
   *     in the text is then an opaque part, the rest stays known ({@code arn:${var.p}:iam::aws:…});
   *     null when no argument may be unknown
   */
  Text format(String format, List<Value> args, List<String> names) {
    List<Text.Part> out = new ArrayList<>();
    int next = 0;
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i);
      if (c != '%') {
        out.add(new Text.Literal(String.valueOf(c)));
        i++;
        continue;
      }
      int j = i + 1;
      StringBuilder flags = new StringBuilder();
      while (j < format.length() && "-+ 0#".indexOf(format.charAt(j)) >= 0) {
        flags.append(format.charAt(j++));
      }
      int width = -1;
      int w = j;
      while (j < format.length() && Character.isDigit(format.charAt(j))) {
        j++;
      }
      if (j > w) {
        width = Integer.parseInt(format.substring(w, j));
      }
      int precision = -1;
      if (j < format.length() && format.charAt(j) == '.') {
        int p = ++j;
        while (j < format.length() && Character.isDigit(format.charAt(j))) {
          j++;
        }
        precision = j > p ? Integer.parseInt(format.substring(p, j)) : 0;
      }
      if (j >= format.length()) {
        throw fail("format string ends in the middle of a verb");
      }
      char verb = format.charAt(j);
      i = j + 1;
      if (verb == '%') {
        out.add(new Text.Literal("%"));
        continue;
      }
      if (next >= args.size()) {
        throw fail("not enough arguments for format string \"" + format + "\"");
      }
      Value arg = args.get(next);
      if (arg instanceof Unknown u && names != null && width < 0 && precision < 0) {
        out.add(new Text.Sym(new Symbol.Opaque(names.get(next), u.reason())));
        next++;
        continue;
      }
      next++;
      List<Text.Part> piece = verb(verb, precision, arg);
      pad(piece, flags.toString(), width, out);
    }
    if (next < args.size()) {
      throw fail("too many arguments for format string \"" + format + "\": " + args.size() + " given, "
          + next + " used");
    }
    return new Text(out, span);
  }

  private List<Text.Part> verb(char verb, int precision, Value v) {
    if (v instanceof Unknown u) {
      throw notKnown(u.reason());
    }
    switch (verb) {
      case 's': {
        Text t = asText(v, "%s");
        if (precision >= 0) {
          String s = literal(t, "%s");
          return List.of(new Text.Literal(s.substring(0, Math.min(s.length(), precision))));
        }
        return t.parts();
      }
      case 'v':
        if (v instanceof Text t) {
          return t.parts();
        }
        if (v instanceof Absent) {
          return List.of(new Text.Literal("null"));
        }
        throw notKnown("%v of a list or map is not computed by polygraph");
      case 'q': {
        String s = literal(asText(v, "%q"), "%q");
        return List.of(new Text.Literal(quote(s)));
      }
      case 'd': {
        BigDecimal n = number(v, "%d");
        try {
          return List.of(new Text.Literal(n.toBigIntegerExact().toString()));
        } catch (ArithmeticException e) {
          throw fail("%d needs a whole number, not " + ExprText.number(n));
        }
      }
      case 'f': {
        BigDecimal n = number(v, "%f");
        return List.of(new Text.Literal(n.setScale(precision < 0 ? 6 : precision, RoundingMode.HALF_EVEN)
            .toPlainString()));
      }
      case 't': {
        Boolean b = ValueOps.asBool(v);
        if (b == null) {
          throw fail("%t needs a bool, not " + ValueOps.typeName(v));
        }
        return List.of(new Text.Literal(b.toString()));
      }
      default:
        throw fail("format verb %" + verb + " is not supported");
    }
  }

  private static void pad(List<Text.Part> piece, String flags, int width, List<Text.Part> out) {
    Text t = new Text(piece, Span.point("-", 1, 1));
    if (width < 0) {
      out.addAll(piece);
      return;
    }
    String s = t.literal().orElseThrow(() -> notKnown("a width applied to '" + t.display() + "' is not known"));
    int missing = width - s.codePointCount(0, s.length());
    if (missing <= 0) {
      out.add(new Text.Literal(s));
      return;
    }
    boolean zero = flags.contains("0") && !flags.contains("-");
    String fill = (zero ? "0" : " ").repeat(missing);
    if (zero && s.startsWith("-")) {
      out.add(new Text.Literal("-" + fill + s.substring(1)));
    } else {
      out.add(new Text.Literal(flags.contains("-") ? s + fill : fill + s));
    }
  }

  private static Text asText(Value v, String verb) {
    if (v instanceof Text t) {
      return t;
    }
    if (v instanceof ListValue || v instanceof MapValue) {
      throw fail(verb + " needs a string, not " + ValueOps.typeName(v));
    }
    throw fail(verb + " needs a string, not null");
  }

  private static String literal(Text t, String verb) {
    return t.literal().orElseThrow(() -> notKnown(verb + " of '" + t.display() + "' is not known"));
  }

  private static BigDecimal number(Value v, String verb) {
    BigDecimal n = ValueOps.asNumber(v);
    if (n == null) {
      if (v instanceof Text t && t.literal().isEmpty()) {
        throw notKnown(verb + " of '" + t.display() + "' is not known");
      }
      throw fail(verb + " needs a number, not " + ValueOps.typeName(v));
    }
    return n;
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"').toString();
  }
}
