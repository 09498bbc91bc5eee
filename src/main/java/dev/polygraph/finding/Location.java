package dev.polygraph.finding;

import dev.polygraph.source.Span;

/**
 * A place a finding points at.
 *
 * @param span where in the source
 * @param address the graph address of the thing there ("NodeInstanceRole"), or null
 * @param message what this place is in the story ("node group 'Workers' runs as this role."), or null
 */
public record Location(Span span, String address, String message) {
  public Location {
    java.util.Objects.requireNonNull(span, "span");
  }

  public static Location at(Span span) {
    return new Location(span, null, null);
  }
}
