package dev.polygraph.value;

import dev.polygraph.source.Span;
import java.util.List;

public record ListValue(List<Value> items, Span span) implements Value {
  public ListValue {
    items = List.copyOf(items);
  }
}
