package dev.polygraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polygraph.rules.Catalogue;
import dev.polygraph.rules.RuleMeta;
import dev.polygraph.rules.RuleMetadata;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "List the rules polygraph checks.")
final class RulesCommand implements Callable<Integer> {

  enum Format {
    text,
    json,
    markdown
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<RuleMeta> metas = Catalogue.ids().stream().map(RuleMetadata::load).toList();
    switch (format) {
      case text -> {
        for (RuleMeta m : metas) {
          out.printf("%-8s %-8s %-36s %s%n", m.id(), m.level().id(), m.slug(), m.shortDescription());
        }
      }
      case markdown -> {
        out.println("| id | name | level | checks |");
        out.println("| --- | --- | --- | --- |");
        for (RuleMeta m : metas) {
          out.printf("| %s | %s | %s | %s |%n", m.id(), m.slug(), m.level().id(), m.shortDescription());
        }
      }
      case json -> {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (RuleMeta m : metas) {
          ObjectNode o = array.addObject();
          o.put("id", m.id());
          o.put("slug", m.slug());
          o.put("name", m.name());
          o.put("level", m.level().id());
          o.put("shortDescription", m.shortDescription());
          o.put("helpUri", m.helpUri());
          o.set("tags", mapper.valueToTree(m.tags()));
        }
        out.println(mapper.writeValueAsString(array));
      }
    }
    out.flush();
    return Main.EXIT_OK;
  }
}
