package dev.polygraph.value;

import dev.polygraph.source.Span;
import java.util.List;

/** One of several values, each under the guard that selects it (both branches of an {@code Fn::If}). */
public record OneOf(List<Guarded<Value>> branches, Span span) implements Value {
  public OneOf {
    branches = List.copyOf(branches);
    if (branches.size() < 2) {
      throw new IllegalArgumentException("OneOf needs at least two branches");
    }
  }
}
