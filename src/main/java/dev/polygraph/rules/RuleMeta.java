package dev.polygraph.rules;

import dev.polygraph.finding.Level;
import java.util.List;
import java.util.Map;

/**
 * A rule's metadata, read from {@code rules/ID.yaml}: everything reports and docs say about a rule.
 *
 * @param id "EKS003"
 * @param slug "node-role-worker-node-permissions"
 * @param name PascalCase, distinct from the id: "NodeRoleWorkerNodePermissions" (SARIF rule name)
 * @param shortDescription one sentence
 * @param fullDescription a paragraph
 * @param help Markdown: why it matters and how to fix it, with an example
 * @param helpUri where the rule is documented
 * @param level the default level
 * @param securitySeverity GitHub's "security-severity" (a number 0.0–10.0, as a string)
 * @param precision SARIF precision: very-high, high, medium, low
 * @param tags SARIF tags
 * @param formats input formats with fixtures: cfn, tf, iam, sh
 * @param parameters rule data such as action lists
 */
public record RuleMeta(
    String id,
    String slug,
    String name,
    String shortDescription,
    String fullDescription,
    String help,
    String helpUri,
    Level level,
    String securitySeverity,
    String precision,
    List<String> tags,
    List<String> formats,
    Map<String, Object> parameters) {
  public RuleMeta {
    tags = List.copyOf(tags);
    formats = List.copyOf(formats);
    parameters = Map.copyOf(parameters);
  }
}
