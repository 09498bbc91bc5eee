package dev.polygraph.load.tf.eval;

import dev.polygraph.source.Span;
import dev.polygraph.value.Value;

/**
 * One step of a reference after its root name: {@code .name} (an attribute) or {@code [key]} (an
 * index, its key already evaluated; the legacy {@code .0} is an index too).
 *
 * @param attribute the attribute's name, or null for an index
 * @param key the index's value, or null for an attribute
 * @param span the step as written, for the spans of values it yields
 */
public record TfStep(String attribute, Value key, Span span) {

  public static TfStep attribute(String name, Span span) {
    return new TfStep(name, null, span);
  }

  public static TfStep index(Value key, Span span) {
    return new TfStep(null, key, span);
  }

  public boolean isAttribute() {
    return attribute != null;
  }
}
