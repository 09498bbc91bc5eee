package dev.polygraph.rules;

import dev.polygraph.finding.Location;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.policy.PolicyGrammar;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * IAM001: a policy document IAM would reject, or read otherwise than its author meant. One finding
 * per defect, at the defect; the grammar itself is {@link PolicyGrammar}.
 */
public final class PolicyDocumentInvalid implements Rule {

  @Override
  public String id() {
    return "IAM001";
  }

  @Override
  public void check(RuleContext ctx) {
    // A document shared by several nodes (or read twice) is reported once.
    Set<String> reported = new HashSet<>();
    for (GraphDocument d : GraphDocument.all(ctx.graph())) {
      PolicyDocument doc = d.document();
      if (doc.source() == null) {
        continue;
      }
      for (PolicyGrammar.Defect defect : PolicyGrammar.check(doc.source(), d.kind())) {
        if (!reported.add(defect.span() + "|" + defect.message())) {
          continue;
        }
        ctx.fail(
            new Location(defect.span(), d.node().address(), null),
            capitalized(doc.name()) + " breaks IAM's policy grammar: " + defect.message(),
            List.of(),
            doc.name() + ": " + defect.message(),
            null,
            false);
      }
    }
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
