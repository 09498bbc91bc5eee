package dev.polygraph.load.tf.eval;

import static dev.polygraph.load.tf.eval.Args.fail;
import static dev.polygraph.load.tf.eval.Args.notKnown;

import dev.polygraph.value.ListValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Terraform's string functions. A string with unknown parts keeps them where the result allows. */
final class StringFunctions {

  private StringFunctions() {}

  static Value format(Args a) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i < a.size(); i++) {
      names.add(a.written(i));
    }
    return new Formatter(a.span()).format(a.literal(0), a.from(1), names);
  }

  static Value formatlist(Args a) {
    int n = -1;
    for (int i = 1; i < a.size(); i++) {
      if (a.get(i) instanceof ListValue l) {
        if (n >= 0 && n != l.items().size()) {
          throw fail("formatlist() needs lists of the same length");
        }
        n = l.items().size();
      }
    }
    String format = a.literal(0);
    if (n < 0) {
      return new ListValue(List.of(new Formatter(a.span()).format(format, a.from(1))), a.span());
    }
    List<Value> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      List<Value> row = new ArrayList<>();
      for (int i = 1; i < a.size(); i++) {
        row.add(a.get(i) instanceof ListValue l ? l.items().get(k) : a.get(i));
      }
      Value v = row.stream().filter(x -> x instanceof Unknown).findFirst()
          .orElseGet(() -> new Formatter(a.span()).format(format, row));
      out.add(v);
    }
    return new ListValue(out, a.span());
  }

  /** Elements not known are opaque parts; a partly known list ends with one for what may follow. */
  static Value join(Args a) {
    if (a.get(0) instanceof Unknown u) {
      throw notKnown(u.reason());
    }
    Text separator = a.text(0);
    List<Text.Part> parts = new ArrayList<>();
    boolean first = true;
    for (int i = 1; i < a.size(); i++) {
      Args.Items items = a.items(i);
      for (Value item : items.known()) {
        if (!first) {
          parts.addAll(separator.parts());
        }
        first = false;
        parts.addAll(partsOf(item, a.written(i)));
      }
      if (items.more() != null) {
        // The separator belongs to what may follow: it is inside the opaque part.
        parts.add(new Text.Sym(new Symbol.Opaque(a.written(i) + "[*]", items.more().reason())));
      }
    }
    return new Text(parts, a.span());
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

  static Value split(Args a) {
    String separator = a.literal(0);
    Text text = a.text(1);
    List<Value> out = new ArrayList<>();
    List<Text.Part> current = new ArrayList<>();
    for (Text.Part part : text.parts()) {
      if (part instanceof Text.Literal l && !separator.isEmpty()) {
        String[] pieces = l.text().split(Pattern.quote(separator), -1);
        for (int k = 0; k < pieces.length; k++) {
          if (k > 0) {
            out.add(new Text(current, a.span()));
            current = new ArrayList<>();
          }
          current.add(new Text.Literal(pieces[k]));
        }
      } else if (part instanceof Text.Literal l) {
        for (int k = 0; k < l.text().length(); k++) {
          if (k > 0) {
            out.add(new Text(current, a.span()));
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
    out.add(new Text(current, a.span()));
    return new ListValue(out, a.span());
  }

  static Value replace(Args a) {
    Text text = a.text(0);
    String search = a.literal(1);
    String replacement = a.literal(2);
    boolean regex = search.length() >= 2 && search.startsWith("/") && search.endsWith("/");
    if (text.literal().isPresent()) {
      String s = text.literal().get();
      if (!regex) {
        return Text.of(s.replace(search, replacement), a.span());
      }
      try {
        Matcher m = Pattern.compile(search.substring(1, search.length() - 1)).matcher(s);
        return Text.of(m.replaceAll(replacement), a.span());
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
    return new Text(out, a.span());
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

  static Value lower(Args a) {
    return Text.of(a.literal(0).toLowerCase(Locale.ROOT), a.span());
  }

  static Value upper(Args a) {
    return Text.of(a.literal(0).toUpperCase(Locale.ROOT), a.span());
  }

  static Value title(Args a) {
    String s = a.literal(0);
    StringBuilder out = new StringBuilder();
    boolean startOfWord = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(startOfWord ? Character.toTitleCase(c) : c);
      startOfWord = !Character.isLetterOrDigit(c) && c != '_' && c != '\'';
    }
    return Text.of(out.toString(), a.span());
  }

  static Value strrev(Args a) {
    return Text.of(new StringBuilder(a.literal(0)).reverse().toString(), a.span());
  }

  static Value trimprefix(Args a) {
    return trimEnd(a, true);
  }

  static Value trimsuffix(Args a) {
    return trimEnd(a, false);
  }

  private static Value trimEnd(Args a, boolean prefix) {
    Text text = a.text(0);
    String affix = a.literal(1);
    List<Text.Part> parts = new ArrayList<>(text.parts());
    int at = prefix ? 0 : parts.size() - 1;
    if (parts.isEmpty() || affix.isEmpty()) {
      return new Text(parts, a.span());
    }
    if (parts.get(at) instanceof Text.Literal l) {
      String s = l.text();
      boolean whole = parts.size() == 1;
      if (prefix ? s.startsWith(affix) : s.endsWith(affix)) {
        parts.set(at, new Text.Literal(prefix ? s.substring(affix.length()) : s.substring(0, s.length() - affix.length())));
        return new Text(parts, a.span());
      }
      if (whole || s.length() >= affix.length()) {
        return new Text(parts, a.span());
      }
    }
    throw notKnown("whether '" + text.display() + "' " + (prefix ? "starts" : "ends") + " with '" + affix + "' is not known");
  }

  static Value trimspace(Args a) {
    return Text.of(a.literal(0).strip(), a.span());
  }

  static Value trim(Args a) {
    String s = a.literal(0);
    String cutset = a.literal(1);
    int b = 0;
    int e = s.length();
    while (b < e && cutset.indexOf(s.charAt(b)) >= 0) {
      b++;
    }
    while (e > b && cutset.indexOf(s.charAt(e - 1)) >= 0) {
      e--;
    }
    return Text.of(s.substring(b, e), a.span());
  }

  static Value startswith(Args a) {
    return ValueOps.bool(startsOrEnds(a.text(0), a.literal(1), true), a.span());
  }

  static Value endswith(Args a) {
    return ValueOps.bool(startsOrEnds(a.text(0), a.literal(1), false), a.span());
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

  static Value substr(Args a) {
    String s = a.literal(0);
    int offset = a.integer(1);
    int length = a.integer(2);
    int[] cps = s.codePoints().toArray();
    int from = offset < 0 ? cps.length + offset : offset;
    if (from < 0 || from > cps.length) {
      throw fail("substr() offset " + offset + " is out of range for a string of " + cps.length);
    }
    int to = length < 0 ? cps.length : Math.min(cps.length, from + length);
    return Text.of(new String(cps, from, Math.max(0, to - from)), a.span());
  }

  static Value tostring(Args a) {
    Value v = a.get(0);
    if (a.isNull(0) || v instanceof Text) {
      return v;
    }
    throw fail("cannot convert " + ValueOps.typeName(v) + " to a string");
  }

  static Value basename(Args a) {
    String p = a.literal(0);
    String trimmed = p.replaceAll("/+$", "");
    return Text.of(trimmed.isEmpty() ? (p.isEmpty() ? "." : "/")
        : trimmed.substring(trimmed.lastIndexOf('/') + 1), a.span());
  }

  static Value dirname(Args a) {
    String p = a.literal(0).replaceAll("/+$", "");
    int slash = p.lastIndexOf('/');
    return Text.of(slash < 0 ? "." : slash == 0 ? "/" : p.substring(0, slash), a.span());
  }

  static Value abspath(Args a) {
    return Text.of(a.literal(0), a.span());
  }
}
