package dev.polygraph.load.cfn;

import dev.polygraph.source.Span;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;

/** Resolves {@code Fn::ImportValue} names to the values other templates export. */
interface Imports {

  /** The value exported under {@code name}, spanning {@code site} (the import). */
  Value resolve(Text name, Span site);

  /** For a template evaluated on its own: every import is unknown. */
  Imports NONE =
      (name, site) ->
          new Unknown("imports are not resolved: no templates were scanned together", site);
}
