package dev.polygraph.load;

import dev.polygraph.value.Guarded;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What shows that a launch template or launch configuration starts EKS nodes. */
public final class NodeEvidence {

  private static final String BOOTSTRAP = "/etc/eks/bootstrap.sh";
  private static final String NODE_CONFIG = "node.eks.aws";
  private static final String NODEADM = "nodeadm";
  private static final String OPTIMIZED_AMI = "/aws/service/eks/optimized-ami";

  private NodeEvidence() {}

  /** Amazon Linux 2 nodes run the bootstrap script; AL2023 nodes read a nodeadm NodeConfig. */
  public static Optional<String> inUserData(Value userData) {
    List<String> texts = new ArrayList<>();
    collect(userData, texts);
    if (texts.stream().anyMatch(t -> t.contains(BOOTSTRAP))) {
      return Optional.of("user data runs '" + BOOTSTRAP + "'");
    }
    if (texts.stream().anyMatch(t -> t.contains(NODE_CONFIG))) {
      return Optional.of("user data holds a nodeadm NodeConfig ('" + NODE_CONFIG + "')");
    }
    if (texts.stream().anyMatch(t -> t.contains(NODEADM))) {
      return Optional.of("user data runs 'nodeadm'");
    }
    return Optional.empty();
  }

  /**
   * @param ssmParameter the SSM parameter a {@code Ref}'d image parameter reads, or null
   * @param imageId the image's value ({@code {{resolve:ssm:...}}} references are plain text)
   */
  public static Optional<String> inImage(String ssmParameter, Value imageId) {
    List<String> texts = new ArrayList<>();
    if (ssmParameter != null) {
      texts.add(ssmParameter);
    }
    collect(imageId, texts);
    for (String t : texts) {
      int at = t.indexOf(OPTIMIZED_AMI);
      if (at >= 0) {
        int end = at;
        while (end < t.length() && !Character.isWhitespace(t.charAt(end)) && t.charAt(end) != '}') {
          end++;
        }
        return Optional.of(
            "the image is an EKS optimized AMI (SSM parameter '" + t.substring(at, end) + "')");
      }
    }
    return Optional.empty();
  }

  /** Every text inside the value, symbols shown as ${...}; all branches of conditions. */
  private static void collect(Value value, List<String> out) {
    if (value instanceof Text t) {
      out.add(t.display());
    } else if (value instanceof ListValue l) {
      l.items().forEach(i -> collect(i, out));
    } else if (value instanceof MapValue m) {
      m.entries().forEach(e -> collect(e.value(), out));
    } else if (value instanceof OneOf o) {
      for (Guarded<Value> b : o.branches()) {
        collect(b.value(), out);
      }
    }
  }
}
