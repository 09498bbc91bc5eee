package dev.polygraph.value;

import dev.polygraph.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A string, possibly with symbolic parts: {@code !Sub arn:${AWS::Partition}:iam::aws:policy/X} is
 * the literal "arn:", the symbol {@link Symbol.Pseudo} PARTITION and the literal
 * ":iam::aws:policy/X". Scalars of every YAML/JSON type are texts (CloudFormation's view).
 */
public record Text(List<Part> parts, Span span) implements Value {

  /** A piece of a text: literal characters or a symbol whose value is not fixed in the source. */
  public sealed interface Part permits Literal, Sym {}

  public record Literal(String text) implements Part {}

  public record Sym(Symbol symbol) implements Part {}

  public Text {
    parts = normalize(parts);
  }

  public static Text of(String literal, Span span) {
    return new Text(List.of(new Literal(literal)), span);
  }

  public static Text of(Symbol symbol, Span span) {
    return new Text(List.of(new Sym(symbol)), span);
  }

  /** The text when it has no symbolic part. */
  public Optional<String> literal() {
    if (parts.isEmpty()) {
      return Optional.of("");
    }
    if (parts.size() == 1 && parts.get(0) instanceof Literal l) {
      return Optional.of(l.text());
    }
    return Optional.empty();
  }

  /** The symbol when the whole text is one symbol (e.g. {@code !GetAtt Role.Arn}). */
  public Optional<Symbol> soleSymbol() {
    if (parts.size() == 1 && parts.get(0) instanceof Sym s) {
      return Optional.of(s.symbol());
    }
    return Optional.empty();
  }

  /** The text with each symbol replaced by what {@code resolver} says it stands for. */
  public String render(Function<Symbol, String> resolver) {
    StringBuilder sb = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Literal l) {
        sb.append(l.text());
      } else if (p instanceof Sym s) {
        sb.append(resolver.apply(s.symbol()));
      }
    }
    return sb.toString();
  }

  /** For messages: symbols shown as {@code ${...}}. */
  public String display() {
    return render(Symbol::display);
  }

  public Text concat(Text other, Span span) {
    List<Part> all = new ArrayList<>(parts);
    all.addAll(other.parts);
    return new Text(all, span);
  }

  private static List<Part> normalize(List<Part> parts) {
    // Adjacent literals merge and empty literals vanish, so equal strings have equal parts.
    List<Part> out = new ArrayList<>();
    for (Part p : parts) {
      if (p instanceof Literal l) {
        if (l.text().isEmpty()) {
          continue;
        }
        if (!out.isEmpty() && out.get(out.size() - 1) instanceof Literal prev) {
          out.set(out.size() - 1, new Literal(prev.text() + l.text()));
          continue;
        }
      }
      out.add(p);
    }
    return List.copyOf(out);
  }
}
