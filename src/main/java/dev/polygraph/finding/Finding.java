package dev.polygraph.finding;

import java.util.List;
import java.util.Objects;

/**
 * One result of a scan, immutable. Rules and loaders make findings; reporters turn them into text,
 * SARIF and JSON without looking anything else up.
 *
 * @param ruleId the catalogue id ("EKS003")
 * @param level the effective level (after config and "assumed" lowering)
 * @param kind FAIL for a proven problem, OPEN for an undecided check ({@code --report-undecided})
 * @param message a sentence ending with a period, dynamic parts in 'single quotes'
 * @param location the most precise span that explains the finding
 * @param related the rest of the story: the node group, the cluster, the deciding statement
 * @param fingerprint the stable identity of the finding: rule id, address and the specific detail,
 *     never a line number (SARIF partialFingerprints are derived from it)
 * @param help the fix in one line for text output ("add !Sub arn:...AmazonEKSWorkerNodePolicy"), or null
 */
public record Finding(
    String ruleId,
    Level level,
    Kind kind,
    String message,
    Location location,
    List<Location> related,
    String fingerprint,
    String help) {

  public enum Kind {
    FAIL,
    OPEN
  }

  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(fingerprint, "fingerprint");
    related = List.copyOf(related);
  }

  public Finding withLevel(Level newLevel) {
    return new Finding(ruleId, newLevel, kind, message, location, related, fingerprint, help);
  }
}
