package dev.polygraph.rules;

import dev.polygraph.load.PlainValues;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.policy.PolicyParser;
import dev.polygraph.source.SourceFile;
import dev.polygraph.tree.JsonTreeReader;
import dev.polygraph.tree.TreeResult;
import java.nio.file.Path;

/** Policy documents read from JSON text, with real positions, for the rules that check documents. */
final class Documents {

  private Documents() {}

  /** The document in {@code json}, the file {@code file}; its lines are the text's own. */
  static PolicyDocument read(String file, String name, String... lines) {
    TreeResult tree = JsonTreeReader.read(new SourceFile(Path.of(file), file, String.join("\n", lines)));
    if (!tree.problems().isEmpty()) {
      throw new AssertionError("test document does not parse: " + tree.problems());
    }
    return PolicyParser.parse(name, PlainValues.of(tree.root()));
  }
}
