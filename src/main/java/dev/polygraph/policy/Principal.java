package dev.polygraph.policy;

import dev.polygraph.source.Span;
import dev.polygraph.value.Value;
import java.util.List;
import java.util.Map;

/**
 * A statement's Principal or NotPrincipal. {@code "Principal": "*"} is {@code wildcard}; otherwise
 * the identifiers by type ("AWS", "Service", "Federated", "CanonicalUser"), each element a value.
 */
public record Principal(boolean not, boolean wildcard, Map<String, List<Value>> byType, Span span) {
  public Principal {
    byType = Map.copyOf(byType);
  }

  public List<Value> of(String type) {
    return byType.getOrDefault(type, List.of());
  }
}
