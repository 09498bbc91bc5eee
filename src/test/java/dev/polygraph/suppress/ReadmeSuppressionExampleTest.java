package dev.polygraph.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.source.SourceFile;
import dev.polygraph.testkit.Readme;
import dev.polygraph.tree.YamlTreeReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's suppression example says what polygraph reads from it. */
class ReadmeSuppressionExampleTest {

  @Test
  void everyFormInTheExampleIsReadWithItsRuleReasonAndReach() throws IOException {
    List<String> blocks = Readme.blocks("### Suppressions", "yaml");
    assertEquals(1, blocks.size());
    SourceFile file = new SourceFile(Path.of("example.yaml"), "example.yaml", blocks.get(0));
    var tree = YamlTreeReader.read(file);
    assertEquals(List.of(), tree.problems());
    List<String> read =
        SuppressionSource.yamlOrJson(file, tree.root(), true).directives().stream()
            .map(d -> d.ruleId() + " '" + d.reason() + "' " + d.kind() + " " + d.target())
            .toList();
    assertEquals(
        List.of(
            "EKS010 'this stack is deployed to the commercial partition only' IN_SOURCE "
                + new Target.Lines("example.yaml", 3, 12),
            "EKS001 'nodes assume it through a broker role' IN_SOURCE " + new Target.Lines("example.yaml", 12, 12),
            "EKS002 'trust reviewed in SEC-1234, the account is a break-glass account' IN_SOURCE "
                + new Target.Resource("example.yaml", "LegacyNodeRole", 3, 12)),
        read);
  }
}
