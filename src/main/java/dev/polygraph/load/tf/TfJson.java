package dev.polygraph.load.tf;

import dev.polygraph.source.Span;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;

/** CONTRACT SKELETON (tf-base branch only): implemented by the evaluator helper. */
public final class TfJson {

  /** Where literal texts came from, by identity: their JSON is mapped back into the source. */
  private final java.util.Map<Text, Expr> origins = new java.util.IdentityHashMap<>();

  void rememberLiteral(Text text, Expr.StringLit literal) {
    origins.put(text, literal);
  }

  void rememberTemplate(Text text, Expr.Template template) {
    origins.put(text, template);
  }

  /** {@code jsonencode(value)}: the JSON text, remembering the structure it encodes. */
  public Text encode(Value value, Span span) {
    throw new UnsupportedOperationException("evaluator not merged yet");
  }

  /**
   * A policy or other JSON-valued argument as a structure: a map/list/OneOf as it is; a text that
   * {@link #encode} made → the structure it encodes (spans of the source); another text → parsed
   * as JSON (symbols kept, spans mapped into the source as precisely as it allows); Absent stays
   * Absent; a text that is not JSON → Unknown with the parse error as reason.
   */
  public Value structure(Value value) {
    throw new UnsupportedOperationException("evaluator not merged yet");
  }
}
