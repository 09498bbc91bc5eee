package dev.polygraph.cli;

import dev.polygraph.rules.Catalogue;
import dev.polygraph.rules.RuleMeta;
import dev.polygraph.rules.RuleMetadata;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Explain one rule: what it checks, why, and how to fix it.")
final class ExplainCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RULE_ID", description = "A rule id (EKS003) or slug (node-role-ecr-pull-permissions).")
  String ruleId;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String wanted = ruleId.trim();
    for (String id : Catalogue.ids()) {
      RuleMeta m = RuleMetadata.load(id);
      if (m.id().equals(wanted.toUpperCase(Locale.ROOT)) || m.slug().equals(wanted)) {
        out.printf("%s %s (%s, default level %s)%n%n", m.id(), m.slug(), m.name(), m.level().id());
        out.println(m.fullDescription().strip());
        out.println();
        out.println(m.help().strip());
        out.println();
        out.println("More: " + m.helpUri());
        out.flush();
        return Main.EXIT_OK;
      }
    }
    spec.commandLine().getErr().println("polygraph: unknown rule '" + ruleId + "'; see 'polygraph rules'");
    return Main.EXIT_ERROR;
  }
}
