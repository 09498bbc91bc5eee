package dev.polygraph.graph;

/**
 * A graph node's identity: the file that defines it and its address there ("NodeInstanceRole",
 * "aws_iam_role.node", "module.eks.aws_iam_role.this[\"default\"]", "role/AmazonEKSNodeRole").
 */
public record NodeId(String file, String address) implements Comparable<NodeId> {
  @Override
  public int compareTo(NodeId o) {
    int c = file.compareTo(o.file);
    return c != 0 ? c : address.compareTo(o.address);
  }

  @Override
  public String toString() {
    return address;
  }
}
