package dev.polygraph.load.sh;

import dev.polygraph.load.PlainValues;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.ReadRefused;
import dev.polygraph.source.ReadScope;
import dev.polygraph.source.SourceFile;
import dev.polygraph.tree.JsonTreeReader;
import dev.polygraph.tree.TreeResult;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON a script passes to the AWS CLI: inline ({@code '{"Version": …}'}), in a file the script
 * wrote with a here-document ({@code cat > F <<EOF}), or in a file beside the script
 * ({@code file://F}, relative to the script's directory). Every file is read through the scan's
 * lookup, which refuses files outside the scanned tree: those documents are unknown, with that reason.
 */
final class ScriptDocuments {

  private static final String FILE_PREFIX = "file://";

  /** What the script wrote to a file: a here-document (with the variables it saw), or unknown content. */
  private record Written(Word body, ShellVariables vars, int line) {}

  private final SourceFile script;
  private final Path directory;
  private final Function<Path, Optional<SourceFile>> files;
  private final List<InputProblem> problems;
  private final Set<String> inputs;
  private final Map<Path, Written> written = new HashMap<>();

  ScriptDocuments(
      SourceFile script,
      Function<Path, Optional<SourceFile>> files,
      List<InputProblem> problems,
      Set<String> inputs) {
    this.script = script;
    Path path = script.path() == null ? Path.of(script.name()) : script.path();
    Path parent = path.toAbsolutePath().normalize().getParent();
    this.directory = parent == null ? path.toAbsolutePath().getRoot() : parent;
    this.files = files;
    this.problems = problems;
    this.inputs = inputs;
  }

  /** The script writes {@code target}: with a here-document's body, or (body null) something unknown. */
  void written(Word target, Word body, ShellVariables vars) {
    Optional<String> name = target.literal();
    if (name.isEmpty() || name.get().equals("/dev/null")) {
      return;
    }
    // Keyed by path wherever it is: a script may write /tmp/trust.json and pass it back.
    lexical(name.get())
        .ifPresent(p -> written.put(p, new Written(body, vars.snapshot(), script.pointAt(target.start()).startLine())));
  }

  /** The JSON document an argument holds or names. */
  Value document(Word word, ShellVariables vars) {
    Text text = vars.text(word);
    Optional<String> lead = leadingLiteral(text);
    if (lead.isPresent() && lead.get().startsWith(FILE_PREFIX)) {
      return file(text);
    }
    Optional<Symbol> sole = text.soleSymbol();
    if (sole.isPresent() && sole.get() instanceof Symbol.Opaque o) {
      return new Unknown(o.reason(), text.span());
    }
    return EmbeddedJson.read(script, word, vars, problems);
  }

  /**
   * One field of a structure argument in either of the CLI's forms: shorthand
   * ({@code ipFamily=ipv6,serviceIpv6Cidr=…}) or JSON ({@code '{"ipFamily": "ipv6"}'}, {@code
   * file://…}); null when the field is not given.
   */
  Value structureField(Word word, ShellVariables vars, String field) {
    Text text = vars.text(word);
    String lead = leadingLiteral(text).orElse("").stripLeading();
    if (lead.startsWith("{") || lead.startsWith(FILE_PREFIX)) {
      Value doc = document(word, vars);
      if (doc instanceof MapValue map) {
        return map.get(field).orElse(null);
      }
      return doc instanceof Unknown ? doc : null;
    }
    return shorthandField(text, field);
  }

  /** {@code key=value} items separated by commas; a variable inside a value stays a symbol. */
  private static Value shorthandField(Text text, String field) {
    List<List<Text.Part>> items = new ArrayList<>();
    List<Text.Part> item = new ArrayList<>();
    for (Text.Part p : text.parts()) {
      if (p instanceof Text.Literal l) {
        String[] pieces = l.text().split(",", -1);
        for (int i = 0; i < pieces.length; i++) {
          if (i > 0) {
            items.add(item);
            item = new ArrayList<>();
          }
          item.add(new Text.Literal(pieces[i]));
        }
      } else {
        item.add(p);
      }
    }
    items.add(item);
    for (List<Text.Part> parts : items) {
      if (!parts.isEmpty() && parts.get(0) instanceof Text.Literal l && l.text().strip().startsWith(field + "=")) {
        List<Text.Part> value = new ArrayList<>(parts);
        value.set(0, new Text.Literal(l.text().strip().substring(field.length() + 1)));
        return new Text(value, text.span());
      }
    }
    return null;
  }

  private Value file(Text text) {
    Optional<String> literal = text.literal();
    if (literal.isEmpty()) {
      return new Unknown("the file name '" + text.display() + "' is known only when the script runs", text.span());
    }
    String name = literal.get().substring(FILE_PREFIX.length());
    Written w = lexical(name).map(written::get).orElse(null);
    if (w != null) {
      if (w.body == null) {
        return new Unknown(
            "'" + name + "' is written by the script at line " + w.line + " with content known only when it runs",
            text.span());
      }
      return EmbeddedJson.read(script, w.body, w.vars, problems);
    }
    Optional<Path> path = lexical(name);
    if (path.isEmpty()) {
      return new Unknown("'" + literal.get() + "' is not a valid path", text.span());
    }
    Optional<SourceFile> source;
    try {
      source = files.apply(path.get());
    } catch (ReadRefused refused) {
      return new Unknown(
          "'" + literal.get() + "' is " + ReadScope.OUTSIDE + "; polygraph reads no file outside it", text.span());
    }
    if (source.isEmpty()) {
      return new Unknown("'" + name + "' is not a readable file in the scanned tree", text.span());
    }
    inputs.add(source.get().name());
    TreeResult tree = JsonTreeReader.read(source.get());
    problems.addAll(tree.problems());
    if (tree.root() == null) {
      return new Unknown("'" + name + "' holds no JSON document", text.span());
    }
    return PlainValues.of(tree.root());
  }

  /** The absolute path a name in the script stands for, relative names against the script's directory. */
  private Optional<Path> lexical(String name) {
    try {
      return Optional.of(directory.resolve(name).normalize());
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> leadingLiteral(Text text) {
    if (!text.parts().isEmpty() && text.parts().get(0) instanceof Text.Literal l) {
      return Optional.of(l.text());
    }
    return Optional.empty();
  }
}
