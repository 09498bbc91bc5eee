package dev.polygraph.graph;

import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Value;
import java.util.List;

/** An EC2 instance profile and the role(s) in it. */
public record InstanceProfileNode(
    NodeId id, Span span, Guard guard, Value name, List<Guarded<Value>> roles) implements GraphNode {
  public InstanceProfileNode {
    roles = List.copyOf(roles);
  }
}
