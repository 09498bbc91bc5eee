package dev.polygraph.rules;

import dev.polygraph.finding.Location;
import dev.polygraph.policy.ActionCatalog;
import dev.polygraph.policy.Statement;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * IAM002: an action, or a wildcard pattern, that names no action of a service the catalogue covers.
 * IAM accepts such a policy and grants nothing by it, so the author's intent silently fails.
 * Services outside the catalogue are not judged.
 */
public final class UnknownAction implements Rule {

  @Override
  public String id() {
    return "IAM002";
  }

  @Override
  public void check(RuleContext ctx) {
    ActionCatalog catalog = ActionCatalog.load();
    Set<String> reported = new HashSet<>();
    for (GraphDocument d : GraphDocument.all(ctx.graph())) {
      for (Statement s : d.document().statements()) {
        for (Value v : s.actions()) {
          Optional<String> action = v instanceof Text t ? t.literal() : Optional.empty();
          if (action.isEmpty() || !reported.add(v.span() + "|" + action.get())) {
            continue;
          }
          unknown(catalog, action.get())
              .ifPresent(
                  message ->
                      ctx.fail(
                          new Location(v.span(), d.node().address(), null),
                          message,
                          List.of(),
                          action.get(),
                          catalog.suggestion(action.get()).map(a -> "write '" + a + "'").orElse(null),
                          false));
        }
      }
    }
  }

  /** The message when {@code action} names nothing the catalogue knows of its service. */
  private static Optional<String> unknown(ActionCatalog catalog, String action) {
    int colon = action.indexOf(':');
    if (colon < 0) {
      return Optional.empty(); // "*", or not an action at all (IAM001's business)
    }
    String service = action.substring(0, colon);
    if (!catalog.knowsService(service)) {
      return Optional.empty();
    }
    boolean pattern = action.indexOf('*') >= 0 || action.indexOf('?') >= 0;
    if (pattern ? !catalog.matching(action).isEmpty() : catalog.exists(action)) {
      return Optional.empty();
    }
    String suggestion = catalog.suggestion(action).map(a -> " (did you mean '" + a + "'?).").orElse(".");
    return Optional.of(
        (pattern
                ? "The action pattern '" + action + "' matches no action of service '" + service + "'"
                : "The action '" + action + "' is not an action of service '" + service + "'")
            + suggestion);
  }
}
