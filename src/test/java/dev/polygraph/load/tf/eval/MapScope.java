package dev.polygraph.load.tf.eval;

import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A scope for tests: {@code root.name} looked up in a map of "root.name" → value; files by path. */
record MapScope(Map<String, Value> names, Map<String, SourceFile> files, String guardPrefix)
    implements TfScope {

  MapScope(Map<String, Value> names) {
    this(names, Map.of(), "");
  }

  @Override
  public TfResolved resolve(String root, List<TfStep> steps, Span span) {
    if (!steps.isEmpty() && steps.get(0).isAttribute()) {
      Value v = names.get(root + "." + steps.get(0).attribute());
      if (v != null) {
        return new TfResolved(v, 1);
      }
    }
    Value whole = names.get(root);
    return whole == null ? null : new TfResolved(whole, 0);
  }

  @Override
  public Optional<SourceFile> file(String path) {
    return Optional.ofNullable(files.get(path));
  }
}
