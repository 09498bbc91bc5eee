package dev.polygraph.value;

import dev.polygraph.source.Span;
import java.util.List;
import java.util.Optional;

/** A map in source order; keys are plain strings (a computed key is not something IAM needs). */
public record MapValue(List<Entry> entries, Span span) implements Value {

  public record Entry(String key, Span keySpan, Value value) {}

  public MapValue {
    entries = List.copyOf(entries);
  }

  public Optional<Value> get(String key) {
    return entry(key).map(Entry::value);
  }

  public Optional<Entry> entry(String key) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).key().equals(key)) {
        return Optional.of(entries.get(i));
      }
    }
    return Optional.empty();
  }
}
