package dev.polygraph.load.tf.eval;

import dev.polygraph.load.tf.hcl.Expr;
import dev.polygraph.load.tf.hcl.ExprText;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terraform's built-in functions, with its argument checks. Arguments are evaluated first; a
 * OneOf argument distributes the call over its branches and an unknown argument makes the result
 * unknown, except in {@code try} and {@code can}, which look at the expressions themselves.
 */
final class TfFunctions {

  /** Functions whose results depend on time, randomness or hashing, which polygraph does not compute. */
  private static final Set<String> NOT_COMPUTED = Set.of("sha1", "sha256", "sha512", "md5", "uuid",
      "uuidv5", "timestamp", "bcrypt", "filemd5", "filesha1", "filesha256", "filesha512",
      "filebase64sha256", "filebase64sha512", "base64sha256", "base64sha512", "plantimestamp");

  private final TfEvaluator evaluator;
  private final ValueOps ops;

  TfFunctions(TfEvaluator evaluator) {
    this.evaluator = evaluator;
    this.ops = evaluator.ops();
  }

  /** Why a call has no value: an error, or an input not known. Never leaves this package. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean error;

    Failure(String reason, boolean error) {
      super(reason, null, false, false);
      this.error = error;
    }
  }

  static Failure fail(String reason) {
    return new Failure(reason, true);
  }

  static Failure notKnown(String reason) {
    return new Failure(reason, false);
  }

  Value call(Expr.FunctionCall call) {
    String name = call.name();
    Span span = call.span();
    if (name.equals("try")) {
      return tryCall(call);
    }
    if (name.equals("can")) {
      return canCall(call);
    }
    if (name.equals("sensitive") || name.equals("nonsensitive")) {
      // Sensitivity changes how Terraform shows a value, never the value.
      return call.args().size() == 1 && !call.expandFinal()
          ? evaluator.evaluate(call.args().get(0))
          : ops.error("function '" + name + "' takes 1 argument, got " + call.args().size(), span);
    }
    if (NOT_COMPUTED.contains(name)) {
      return new Unknown("function '" + name + "' is not computed by polygraph", span);
    }
    if (!Builtins.knows(name)) {
      return new Unknown("function '" + name + "' is not supported by polygraph", span);
    }
    List<Value> args = new ArrayList<>();
    for (Expr arg : call.args()) {
      args.add(evaluator.evaluate(arg));
    }
    if (call.expandFinal() && !args.isEmpty()) {
      Value last = args.remove(args.size() - 1);
      if (last instanceof Unknown u) {
        return ops.moved(u, span);
      }
      if (!(last instanceof ListValue list)) {
        return ops.error("the argument expanded with '...' must be a list", span);
      }
      args.addAll(list.items());
    }
    return distribute(name, call, args, 0, span);
  }

  private Value distribute(String name, Expr.FunctionCall call, List<Value> args, int from, Span span) {
    for (int i = from; i < args.size(); i++) {
      Value a = args.get(i);
      if (a instanceof OneOf one) {
        List<Guarded<Value>> out = new ArrayList<>();
        for (Guarded<Value> b : one.branches()) {
          List<Value> copy = new ArrayList<>(args);
          copy.set(i, b.value());
          out.add(new Guarded<>(b.guard(), distribute(name, call, copy, i + 1, span)));
        }
        return ops.oneOf(out, span);
      }
      if (a instanceof Unknown u) {
        return ops.moved(u, span);
      }
    }
    try {
      return new Builtins(this, call, List.copyOf(args), span).apply(name);
    } catch (Failure f) {
      return f.error ? ops.error(f.getMessage(), span) : new Unknown(f.getMessage(), span);
    }
  }

  private Value tryCall(Expr.FunctionCall call) {
    if (call.args().isEmpty()) {
      return ops.error("function 'try' needs at least one argument", call.span());
    }
    Unknown lastError = null;
    for (Expr arg : call.args()) {
      Value v = evaluator.evaluate(arg);
      Optional<Unknown> problem = firstUnknown(v);
      if (problem.isEmpty()) {
        return v;
      }
      if (!ops.isError(problem.get())) {
        // Terraform cannot decide either until the value is known.
        return new Unknown(problem.get().reason(), call.span());
      }
      lastError = problem.get();
    }
    return ops.error("no argument of try() could be evaluated: " + lastError.reason(), call.span());
  }

  private Value canCall(Expr.FunctionCall call) {
    if (call.args().size() != 1) {
      return ops.error("function 'can' takes 1 argument, got " + call.args().size(), call.span());
    }
    Optional<Unknown> problem = firstUnknown(evaluator.evaluate(call.args().get(0)));
    if (problem.isPresent() && !ops.isError(problem.get())) {
      return new Unknown(problem.get().reason(), call.span());
    }
    return ValueOps.bool(problem.isEmpty(), call.span());
  }

  /** An error anywhere inside the value first, else the first unknown, else empty. */
  private Optional<Unknown> firstUnknown(Value v) {
    List<Unknown> all = new ArrayList<>();
    collectUnknowns(v, all);
    return all.stream().filter(ops::isError).findFirst().or(() -> all.stream().findFirst());
  }

  private static void collectUnknowns(Value v, List<Unknown> out) {
    if (v instanceof Unknown u) {
      out.add(u);
    } else if (v instanceof ListValue l) {
      l.items().forEach(i -> collectUnknowns(i, out));
    } else if (v instanceof MapValue m) {
      m.entries().forEach(e -> collectUnknowns(e.value(), out));
    } else if (v instanceof OneOf o) {
      o.branches().forEach(b -> collectUnknowns(b.value(), out));
    }
  }

  TfEvaluator evaluator() {
    return evaluator;
  }

  /** One call with its evaluated arguments. */
  static final class Builtins {

    private static final Set<String> NAMES = Set.of("jsonencode", "jsondecode", "file", "templatefile",
        "format", "formatlist", "join", "split", "concat", "merge", "toset", "tolist", "tomap", "lookup",
        "element", "coalesce", "coalescelist", "compact", "distinct", "flatten", "keys", "values",
        "length", "contains", "replace", "lower", "upper", "title", "trimprefix", "trimsuffix",
        "trimspace", "trim", "startswith", "endswith", "setproduct", "zipmap", "basename", "dirname",
        "abspath", "tostring", "tonumber", "tobool", "one", "sort", "reverse", "slice", "index", "range",
        "substr", "max", "min", "alltrue", "anytrue", "sum", "chunklist", "base64encode", "base64decode",
        "setunion", "setintersection", "setsubtract", "strrev", "abs", "ceil", "floor", "signum");

    private final TfFunctions functions;
    private final Expr.FunctionCall call;
    private final List<Value> args;
    private final Span span;

    Builtins(TfFunctions functions, Expr.FunctionCall call, List<Value> args, Span span) {
      this.functions = functions;
      this.call = call;
      this.args = args;
      this.span = span;
    }

    static boolean knows(String name) {
      return NAMES.contains(name);
    }

    Value apply(String name) {
      switch (name) {
        case "jsonencode":
          arity(1);
          return functions.evaluator.json().encode(args.get(0), span);
        case "jsondecode":
          arity(1);
          text(0);
          return functions.evaluator.json().structure(args.get(0));
        case "file":
          arity(1);
          return file(literal(0));
        case "templatefile":
          arity(2);
          return new TemplateFiles(functions.evaluator).render(literal(0), map(1), span);
        case "format":
          atLeast(1);
          return new Formatter(span).format(literal(0), args.subList(1, args.size()));
        case "formatlist":
          return formatlist();
        case "join":
          return join();
        case "split":
          arity(2);
          return split(literal(0), text(1));
        case "concat": {
          List<Value> out = new ArrayList<>();
          for (int i = 0; i < args.size(); i++) {
            out.addAll(list(i).items());
          }
          return new ListValue(out, span);
        }
        case "merge":
          return merge();
        case "toset":
          arity(1);
          return new ListValue(set(list(0).items()), span);
        case "tolist":
          arity(1);
          return new ListValue(list(0).items(), span);
        case "tomap":
          arity(1);
          return new MapValue(map(0).entries(), span);
        case "lookup":
          return lookup();
        case "element": {
          arity(2);
          List<Value> items = list(0).items();
          if (items.isEmpty()) {
            throw fail("cannot use element() with an empty list");
          }
          int i = integer(1);
          if (i < 0) {
            throw fail("element() index must not be negative");
          }
          return items.get(i % items.size());
        }
        case "coalesce":
          return coalesce();
        case "coalescelist":
          atLeast(1);
          for (int i = 0; i < args.size(); i++) {
            if (!list(i).items().isEmpty()) {
              return args.get(i);
            }
          }
          return new ListValue(List.of(), span);
        case "compact": {
          arity(1);
          List<Value> out = new ArrayList<>();
          for (Value v : list(0).items()) {
            if (v instanceof Unknown u) {
              throw notKnown(u.reason());
            }
            if (!(v instanceof Absent) && !Optional.of("").equals(ValueOps.literalOf(v))) {
              out.add(v);
            }
          }
          return new ListValue(out, span);
        }
        case "distinct":
          arity(1);
          return new ListValue(distinct(list(0).items()), span);
        case "flatten": {
          arity(1);
          List<Value> out = new ArrayList<>();
          flatten(list(0), out);
          return new ListValue(out, span);
        }
        case "keys": {
          arity(1);
          List<Value> out = new ArrayList<>();
          sorted(map(0)).forEach(e -> out.add(Text.of(e.key(), e.keySpan())));
          return new ListValue(out, span);
        }
        case "values": {
          arity(1);
          List<Value> out = new ArrayList<>();
          sorted(map(0)).forEach(e -> out.add(e.value()));
          return new ListValue(out, span);
        }
        case "length":
          return length();
        case "contains": {
          arity(2);
          boolean unknown = false;
          for (Value item : list(0).items()) {
            Boolean e = ValueOps.equal(item, args.get(1));
            if (Boolean.TRUE.equals(e)) {
              return ValueOps.bool(true, span);
            }
            unknown |= e == null;
          }
          if (unknown) {
            throw notKnown("cannot tell whether the list contains the value");
          }
          return ValueOps.bool(false, span);
        }
        case "replace":
          arity(3);
          return replace(text(0), literal(1), literal(2));
        case "lower":
          arity(1);
          return Text.of(literal(0).toLowerCase(Locale.ROOT), span);
        case "upper":
          arity(1);
          return Text.of(literal(0).toUpperCase(Locale.ROOT), span);
        case "title":
          arity(1);
          return Text.of(title(literal(0)), span);
        case "strrev":
          arity(1);
          return Text.of(new StringBuilder(literal(0)).reverse().toString(), span);
        case "trimprefix":
          arity(2);
          return trimEnd(text(0), literal(1), true);
        case "trimsuffix":
          arity(2);
          return trimEnd(text(0), literal(1), false);
        case "trimspace":
          arity(1);
          return Text.of(literal(0).strip(), span);
        case "trim":
          arity(2);
          return Text.of(trim(literal(0), literal(1)), span);
        case "startswith":
          arity(2);
          return ValueOps.bool(startsOrEnds(text(0), literal(1), true), span);
        case "endswith":
          arity(2);
          return ValueOps.bool(startsOrEnds(text(0), literal(1), false), span);
        case "setproduct":
          return setproduct();
        case "setunion":
          return setOp(0);
        case "setintersection":
          return setOp(1);
        case "setsubtract":
          arity(2);
          return setOp(2);
        case "zipmap": {
          arity(2);
          List<Value> ks = list(0).items();
          List<Value> vs = list(1).items();
          if (ks.size() != vs.size()) {
            throw fail("zipmap() needs lists of the same length, got " + ks.size() + " keys and "
                + vs.size() + " values");
          }
          List<MapValue.Entry> entries = new ArrayList<>();
          for (int i = 0; i < ks.size(); i++) {
            entries.add(new MapValue.Entry(keyOf(ks.get(i)), ks.get(i).span(), vs.get(i)));
          }
          return new MapValue(entries, span);
        }
        case "basename": {
          arity(1);
          String p = literal(0);
          String trimmed = p.replaceAll("/+$", "");
          return Text.of(trimmed.isEmpty() ? (p.isEmpty() ? "." : "/")
              : trimmed.substring(trimmed.lastIndexOf('/') + 1), span);
        }
        case "dirname": {
          arity(1);
          String p = literal(0).replaceAll("/+$", "");
          int slash = p.lastIndexOf('/');
          return Text.of(slash < 0 ? "." : slash == 0 ? "/" : p.substring(0, slash), span);
        }
        case "abspath":
          arity(1);
          return Text.of(literal(0), span);
        case "tostring": {
          arity(1);
          Value v = args.get(0);
          if (v instanceof Absent || v instanceof Text) {
            return v;
          }
          throw fail("cannot convert " + ValueOps.typeName(v) + " to a string");
        }
        case "tonumber": {
          arity(1);
          if (args.get(0) instanceof Absent) {
            return args.get(0);
          }
          return ValueOps.number(number(0), span);
        }
        case "tobool": {
          arity(1);
          if (args.get(0) instanceof Absent) {
            return args.get(0);
          }
          Boolean b = ValueOps.asBool(args.get(0));
          if (b == null) {
            literal(0);
            throw fail("cannot convert " + ValueOps.typeName(args.get(0)) + " to a bool");
          }
          return ValueOps.bool(b, span);
        }
        case "one": {
          arity(1);
          List<Value> items = list(0).items();
          if (items.size() > 1) {
            throw fail("one() needs a list of at most one element, got " + items.size());
          }
          return items.isEmpty() ? new Absent(span) : items.get(0);
        }
        case "sort": {
          arity(1);
          List<String> strings = new ArrayList<>();
          for (int i = 0; i < list(0).items().size(); i++) {
            strings.add(literalOf(list(0).items().get(i), "sort() element"));
          }
          strings.sort(null);
          return new ListValue(strings.stream().map(s -> (Value) Text.of(s, span)).toList(), span);
        }
        case "reverse": {
          arity(1);
          List<Value> items = new ArrayList<>(list(0).items());
          java.util.Collections.reverse(items);
          return new ListValue(items, span);
        }
        case "slice": {
          arity(3);
          List<Value> items = list(0).items();
          int from = integer(1);
          int to = integer(2);
          if (from < 0 || to > items.size() || from > to) {
            throw fail("slice(" + from + ", " + to + ") is out of range for a list of " + items.size());
          }
          return new ListValue(items.subList(from, to), span);
        }
        case "index": {
          arity(2);
          List<Value> items = list(0).items();
          for (int i = 0; i < items.size(); i++) {
            Boolean e = ValueOps.equal(items.get(i), args.get(1));
            if (e == null) {
              throw notKnown("cannot tell whether element " + i + " is the value");
            }
            if (e) {
              return ValueOps.number(BigDecimal.valueOf(i), span);
            }
          }
          throw fail("the value is not in the list");
        }
        case "range":
          return range();
        case "substr":
          arity(3);
          return Text.of(substr(literal(0), integer(1), integer(2)), span);
        case "max":
        case "min": {
          atLeast(1);
          BigDecimal best = number(0);
          for (int i = 1; i < args.size(); i++) {
            BigDecimal n = number(i);
            best = (name.equals("max") ? n.compareTo(best) > 0 : n.compareTo(best) < 0) ? n : best;
          }
          return ValueOps.number(best, span);
        }
        case "sum": {
          arity(1);
          List<Value> items = list(0).items();
          if (items.isEmpty()) {
            throw fail("cannot sum an empty list");
          }
          BigDecimal total = BigDecimal.ZERO;
          for (Value v : items) {
            total = total.add(numberOf(v));
          }
          return ValueOps.number(total, span);
        }
        case "abs":
          arity(1);
          return ValueOps.number(number(0).abs(), span);
        case "ceil":
          arity(1);
          return ValueOps.number(number(0).setScale(0, java.math.RoundingMode.CEILING), span);
        case "floor":
          arity(1);
          return ValueOps.number(number(0).setScale(0, java.math.RoundingMode.FLOOR), span);
        case "signum":
          arity(1);
          return ValueOps.number(BigDecimal.valueOf(number(0).signum()), span);
        case "alltrue":
        case "anytrue":
          return allOrAny(name.equals("alltrue"));
        case "chunklist": {
          arity(2);
          List<Value> items = list(0).items();
          int size = integer(1);
          if (size < 0) {
            throw fail("chunklist() size must not be negative");
          }
          List<Value> chunks = new ArrayList<>();
          if (size == 0) {
            chunks.add(new ListValue(items, span));
          } else {
            for (int i = 0; i < items.size(); i += size) {
              chunks.add(new ListValue(items.subList(i, Math.min(items.size(), i + size)), span));
            }
          }
          return new ListValue(chunks, span);
        }
        case "base64encode":
          arity(1);
          return Text.of(Base64.getEncoder().encodeToString(
              literal(0).getBytes(StandardCharsets.UTF_8)), span);
        default:
          arity(1);
          try {
            byte[] bytes = Base64.getDecoder().decode(literal(0));
            return Text.of(StandardCharsets.UTF_8.newDecoder().decode(
                java.nio.ByteBuffer.wrap(bytes)).toString(), span);
          } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            throw fail("base64decode() needs base64 of UTF-8 text");
          }
      }
    }

    // Argument checks ------------------------------------------------------------------------------

    private void arity(int n) {
      if (args.size() != n) {
        throw fail("function '" + call.name() + "' takes " + n + " argument" + (n == 1 ? "" : "s")
            + ", got " + args.size());
      }
    }

    private void atLeast(int n) {
      if (args.size() < n) {
        throw fail("function '" + call.name() + "' takes at least " + n + " argument"
            + (n == 1 ? "" : "s") + ", got " + args.size());
      }
    }

    private String what(int i) {
      return "argument " + (i + 1) + " of " + call.name() + "()";
    }

    private Text text(int i) {
      Value v = args.get(i);
      if (v instanceof Text t) {
        return t;
      }
      throw fail(what(i) + " must be a string, not " + ValueOps.typeName(v));
    }

    private String literal(int i) {
      return literalOf(args.get(i), what(i));
    }

    private static String literalOf(Value v, String what) {
      if (v instanceof Unknown u) {
        throw notKnown(u.reason());
      }
      if (!(v instanceof Text t)) {
        throw fail(what + " must be a string, not " + ValueOps.typeName(v));
      }
      return t.literal().orElseThrow(() -> notKnown(what + " '" + t.display() + "' is not fully known"));
    }

    private BigDecimal number(int i) {
      return numberOf(args.get(i));
    }

    private static BigDecimal numberOf(Value v) {
      String s = literalOf(v, "a number");
      BigDecimal n = ValueOps.asNumber(v);
      if (n == null) {
        throw fail("'" + s + "' is not a number");
      }
      return n;
    }

    private int integer(int i) {
      BigDecimal n = number(i);
      try {
        return n.intValueExact();
      } catch (ArithmeticException e) {
        throw fail(what(i) + " must be a whole number, not " + ExprText.number(n));
      }
    }

    private ListValue list(int i) {
      Value v = args.get(i);
      if (v instanceof ListValue l) {
        return l;
      }
      notKnownWhenComputed(v);
      throw fail(what(i) + " must be a list, not " + ValueOps.typeName(v));
    }

    private MapValue map(int i) {
      Value v = args.get(i);
      if (v instanceof MapValue m) {
        return m;
      }
      notKnownWhenComputed(v);
      throw fail(what(i) + " must be a map, not " + ValueOps.typeName(v));
    }

    /**
     * A computed attribute ({@code data.aws_availability_zones.x.names}) stands for a value of any
     * type the provider gives when Terraform runs: where a list or map is expected it is not known,
     * not a type error.
     */
    private static void notKnownWhenComputed(Value v) {
      if (v instanceof Text t && t.soleSymbol().orElse(null) instanceof Symbol.ResourceAttr attr) {
        throw notKnown("'" + attr.address() + "." + attr.attribute() + "' is computed when Terraform runs");
      }
    }

    private static String keyOf(Value v) {
      return literalOf(v, "a map key");
    }

    // Functions ------------------------------------------------------------------------------------

    private Value file(String path) {
      Optional<SourceFile> source = functions.evaluator.scope().file(path);
      if (source.isEmpty()) {
        throw fail("file '" + path + "' cannot be read");
      }
      Text text = Text.of(source.get().text(), span);
      functions.evaluator.json().rememberFile(text, source.get());
      return text;
    }

    private Value join() {
      atLeast(2);
      Text separator = text(0);
      List<Text.Part> parts = new ArrayList<>();
      boolean first = true;
      for (int i = 1; i < args.size(); i++) {
        for (Value item : list(i).items()) {
          if (!first) {
            parts.addAll(separator.parts());
          }
          first = false;
          parts.addAll(partsOf(item, ExprText.of(call.args().get(Math.min(i, call.args().size() - 1)))));
        }
      }
      return new Text(parts, span);
    }

    /** The parts of a list element in a string; an unknown element is an opaque part. */
    private static List<Text.Part> partsOf(Value item, String name) {
      if (item instanceof Text t) {
        return t.parts();
      }
      if (item instanceof Unknown u) {
        return List.of(new Text.Sym(new Symbol.Opaque(name + "[*]", u.reason())));
      }
      if (item instanceof OneOf) {
        throw notKnown("an element of " + name + " depends on conditions");
      }
      throw fail("cannot join " + ValueOps.typeName(item) + " into a string");
    }

    private Value split(String separator, Text text) {
      List<Value> out = new ArrayList<>();
      List<Text.Part> current = new ArrayList<>();
      for (Text.Part part : text.parts()) {
        if (part instanceof Text.Literal l && !separator.isEmpty()) {
          String[] pieces = l.text().split(Pattern.quote(separator), -1);
          for (int k = 0; k < pieces.length; k++) {
            if (k > 0) {
              out.add(new Text(current, span));
              current = new ArrayList<>();
            }
            current.add(new Text.Literal(pieces[k]));
          }
        } else if (part instanceof Text.Literal l) {
          for (int k = 0; k < l.text().length(); k++) {
            if (k > 0) {
              out.add(new Text(current, span));
              current = new ArrayList<>();
            }
            current.add(new Text.Literal(l.text().substring(k, k + 1)));
          }
        } else {
          if (separator.isEmpty()) {
            throw notKnown("cannot split '" + text.display() + "' into characters");
          }
          current.add(part);
        }
      }
      out.add(new Text(current, span));
      return new ListValue(out, span);
    }

    private Value merge() {
      LinkedHashMap<String, MapValue.Entry> merged = new LinkedHashMap<>();
      for (int i = 0; i < args.size(); i++) {
        if (args.get(i) instanceof Absent) {
          continue;
        }
        for (MapValue.Entry e : map(i).entries()) {
          merged.remove(e.key());
          merged.put(e.key(), e);
        }
      }
      return new MapValue(new ArrayList<>(merged.values()), span);
    }

    private List<Value> set(List<Value> items) {
      List<Value> unique = distinct(items);
      boolean allLiteral = unique.stream().allMatch(v -> ValueOps.literalOf(v).isPresent());
      if (!allLiteral) {
        return unique;
      }
      // Terraform orders a set of strings lexicographically.
      TreeMap<String, Value> sorted = new TreeMap<>();
      unique.forEach(v -> sorted.put(ValueOps.literalOf(v).orElseThrow(), v));
      return new ArrayList<>(sorted.values());
    }

    private static List<Value> distinct(List<Value> items) {
      List<Value> out = new ArrayList<>();
      for (Value v : items) {
        boolean seen = false;
        for (Value o : out) {
          Boolean e = ValueOps.equal(o, v);
          if (e == null) {
            throw notKnown("cannot tell whether two elements are equal");
          }
          seen |= e;
        }
        if (!seen) {
          out.add(v);
        }
      }
      return out;
    }

    private static void flatten(Value v, List<Value> out) {
      if (v instanceof ListValue l) {
        l.items().forEach(i -> flatten(i, out));
      } else if (v instanceof Unknown u) {
        throw notKnown(u.reason());
      } else if (v instanceof OneOf) {
        throw notKnown("an element of the list depends on conditions");
      } else {
        out.add(v);
      }
    }

    private static List<MapValue.Entry> sorted(MapValue map) {
      TreeMap<String, MapValue.Entry> sorted = new TreeMap<>();
      map.entries().forEach(e -> sorted.put(e.key(), e));
      return new ArrayList<>(sorted.values());
    }

    private Value lookup() {
      if (args.size() != 2 && args.size() != 3) {
        throw fail("function 'lookup' takes 2 or 3 arguments, got " + args.size());
      }
      Optional<Value> found = map(0).get(literal(1));
      if (found.isPresent()) {
        return found.get();
      }
      if (args.size() == 3) {
        return args.get(2);
      }
      throw fail("the map has no key \"" + literal(1) + "\"");
    }

    private Value coalesce() {
      atLeast(1);
      for (Value v : args) {
        if (v instanceof Absent) {
          continue;
        }
        if (v instanceof Text t && t.literal().isPresent() && t.literal().get().isEmpty()) {
          continue;
        }
        return v;
      }
      throw fail("no non-null, non-empty argument to coalesce()");
    }

    private Value length() {
      arity(1);
      Value v = args.get(0);
      int n;
      if (v instanceof ListValue l) {
        n = l.items().size();
      } else if (v instanceof MapValue m) {
        n = (int) m.entries().stream().map(MapValue.Entry::key).distinct().count();
      } else if (v instanceof Text) {
        String s = literal(0);
        n = s.codePointCount(0, s.length());
      } else {
        throw fail("cannot take the length of null");
      }
      return ValueOps.number(BigDecimal.valueOf(n), span);
    }

    private Value replace(Text text, String search, String replacement) {
      boolean regex = search.length() >= 2 && search.startsWith("/") && search.endsWith("/");
      if (text.literal().isPresent()) {
        String s = text.literal().get();
        if (!regex) {
          return Text.of(s.replace(search, replacement), span);
        }
        try {
          Matcher m = Pattern.compile(search.substring(1, search.length() - 1)).matcher(s);
          return Text.of(m.replaceAll(replacement), span);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
          throw fail("replace() has an invalid pattern " + search + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
      }
      if (regex || search.isEmpty()) {
        throw notKnown("replace() on '" + text.display() + "' with unknown parts is not known");
      }
      // Only a match wholly inside a literal part is certain; one that could reach into a symbol is not.
      List<Text.Part> parts = text.parts();
      List<Text.Part> out = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        Text.Part p = parts.get(i);
        if (p instanceof Text.Literal l) {
          if ((i > 0 && overlapsStart(l.text(), search)) || (i < parts.size() - 1 && overlapsEnd(l.text(), search))) {
            throw notKnown("replace() of '" + search + "' in '" + text.display() + "' depends on its unknown parts");
          }
          out.add(new Text.Literal(l.text().replace(search, replacement)));
        } else {
          out.add(p);
        }
      }
      return new Text(out, span);
    }

    /** Whether a proper suffix of {@code search} begins the literal (a match could start in the symbol before). */
    private static boolean overlapsStart(String literal, String search) {
      for (int k = 1; k < search.length(); k++) {
        if (literal.startsWith(search.substring(k))) {
          return true;
        }
      }
      return false;
    }

    private static boolean overlapsEnd(String literal, String search) {
      for (int k = 1; k < search.length(); k++) {
        if (literal.endsWith(search.substring(0, k))) {
          return true;
        }
      }
      return false;
    }

    private Value trimEnd(Text text, String affix, boolean prefix) {
      List<Text.Part> parts = new ArrayList<>(text.parts());
      int at = prefix ? 0 : parts.size() - 1;
      if (parts.isEmpty() || affix.isEmpty()) {
        return new Text(parts, span);
      }
      if (parts.get(at) instanceof Text.Literal l) {
        String s = l.text();
        boolean whole = parts.size() == 1;
        if (prefix ? s.startsWith(affix) : s.endsWith(affix)) {
          parts.set(at, new Text.Literal(prefix ? s.substring(affix.length()) : s.substring(0, s.length() - affix.length())));
          return new Text(parts, span);
        }
        if (whole || s.length() >= affix.length()) {
          return new Text(parts, span);
        }
      }
      throw notKnown("whether '" + text.display() + "' " + (prefix ? "starts" : "ends") + " with '" + affix + "' is not known");
    }

    private static boolean startsOrEnds(Text text, String affix, boolean start) {
      Optional<String> whole = text.literal();
      if (whole.isPresent()) {
        return start ? whole.get().startsWith(affix) : whole.get().endsWith(affix);
      }
      List<Text.Part> parts = text.parts();
      Text.Part edge = parts.get(start ? 0 : parts.size() - 1);
      if (edge instanceof Text.Literal l) {
        String s = l.text();
        if (start ? s.startsWith(affix) : s.endsWith(affix)) {
          return true;
        }
        if (s.length() >= affix.length()) {
          return false;
        }
      }
      throw notKnown("whether '" + text.display() + "' " + (start ? "starts" : "ends") + " with '" + affix + "' is not known");
    }

    private static String trim(String s, String cutset) {
      int b = 0;
      int e = s.length();
      while (b < e && cutset.indexOf(s.charAt(b)) >= 0) {
        b++;
      }
      while (e > b && cutset.indexOf(s.charAt(e - 1)) >= 0) {
        e--;
      }
      return s.substring(b, e);
    }

    private static String title(String s) {
      StringBuilder out = new StringBuilder();
      boolean startOfWord = true;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        out.append(startOfWord ? Character.toTitleCase(c) : c);
        startOfWord = !Character.isLetterOrDigit(c) && c != '_' && c != '\'';
      }
      return out.toString();
    }

    private String substr(String s, int offset, int length) {
      int[] cps = s.codePoints().toArray();
      int from = offset < 0 ? cps.length + offset : offset;
      if (from < 0 || from > cps.length) {
        throw fail("substr() offset " + offset + " is out of range for a string of " + cps.length);
      }
      int to = length < 0 ? cps.length : Math.min(cps.length, from + length);
      return new String(cps, from, Math.max(0, to - from));
    }

    private Value range() {
      if (args.isEmpty() || args.size() > 3) {
        throw fail("function 'range' takes 1 to 3 arguments, got " + args.size());
      }
      BigDecimal start = args.size() == 1 ? BigDecimal.ZERO : number(0);
      BigDecimal limit = args.size() == 1 ? number(0) : number(1);
      BigDecimal step = args.size() == 3 ? number(2) : BigDecimal.valueOf(limit.compareTo(start) >= 0 ? 1 : -1);
      if (step.signum() == 0) {
        throw fail("range() step must not be zero");
      }
      List<Value> out = new ArrayList<>();
      for (BigDecimal v = start; step.signum() > 0 ? v.compareTo(limit) < 0 : v.compareTo(limit) > 0; v = v.add(step)) {
        if (out.size() >= 1024) {
          throw fail("range() would make more than 1024 elements");
        }
        out.add(ValueOps.number(v, span));
      }
      return new ListValue(out, span);
    }

    private Value allOrAny(boolean all) {
      arity(1);
      boolean unknown = false;
      for (Value v : list(0).items()) {
        Boolean b = ValueOps.asBool(v);
        if (b == null && (v instanceof Unknown || v instanceof OneOf || (v instanceof Text t && t.literal().isEmpty()))) {
          unknown = true;
          continue;
        }
        if (b == null) {
          throw fail("an element of the list is " + ValueOps.typeName(v) + ", not a bool");
        }
        if (b != all) {
          return ValueOps.bool(!all, span);
        }
      }
      if (unknown) {
        throw notKnown("an element of the list is not known");
      }
      return ValueOps.bool(all, span);
    }

    private Value setproduct() {
      atLeast(2);
      List<List<Value>> acc = List.of(List.of());
      for (int i = 0; i < args.size(); i++) {
        List<List<Value>> next = new ArrayList<>();
        for (List<Value> prefix : acc) {
          for (Value item : list(i).items()) {
            List<Value> combo = new ArrayList<>(prefix);
            combo.add(item);
            next.add(combo);
          }
        }
        if (next.size() > 10_000) {
          throw fail("setproduct() would make more than 10000 combinations");
        }
        acc = next;
      }
      List<Value> out = new ArrayList<>();
      acc.forEach(c -> out.add(new ListValue(c, span)));
      return new ListValue(out, span);
    }

    private Value setOp(int kind) {
      atLeast(1);
      List<Value> result = new ArrayList<>(list(0).items());
      for (int i = 1; i < args.size(); i++) {
        List<Value> other = list(i).items();
        if (kind == 0) {
          result.addAll(other);
        } else {
          List<Value> kept = new ArrayList<>();
          for (Value v : result) {
            boolean in = false;
            for (Value o : other) {
              Boolean e = ValueOps.equal(v, o);
              if (e == null) {
                throw notKnown("cannot tell whether two elements are equal");
              }
              in |= e;
            }
            if (in == (kind == 1)) {
              kept.add(v);
            }
          }
          result = kept;
        }
      }
      return new ListValue(set(result), span);
    }

    private Value formatlist() {
      atLeast(1);
      int n = -1;
      for (int i = 1; i < args.size(); i++) {
        if (args.get(i) instanceof ListValue l) {
          if (n >= 0 && n != l.items().size()) {
            throw fail("formatlist() needs lists of the same length");
          }
          n = l.items().size();
        }
      }
      String format = literal(0);
      if (n < 0) {
        return new ListValue(List.of(new Formatter(span).format(format, args.subList(1, args.size()))), span);
      }
      List<Value> out = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        List<Value> row = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
          row.add(args.get(i) instanceof ListValue l ? l.items().get(k) : args.get(i));
        }
        Value v = row.stream().filter(x -> x instanceof Unknown).findFirst()
            .orElseGet(() -> new Formatter(span).format(format, row));
        out.add(v);
      }
      return new ListValue(out, span);
    }
  }
}
