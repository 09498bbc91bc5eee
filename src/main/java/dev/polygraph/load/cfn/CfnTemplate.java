package dev.polygraph.load.cfn;

import dev.polygraph.source.SourceFile;
import dev.polygraph.tree.MapNode;
import java.util.Objects;

/** One CloudFormation template: its file and the root map of its located tree. */
public record CfnTemplate(SourceFile file, MapNode root) {
  public CfnTemplate {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(root, "root");
  }
}
