package dev.polygraph.load.tf.eval;

import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * The scope of expressions that may refer to nothing: {@code .tfvars} values, {@code -var} values,
 * variable defaults and type defaults. Every reference is unknown there.
 */
public final class Constants implements TfScope {

  public static final Constants SCOPE = new Constants();

  private Constants() {}

  @Override
  public TfResolved resolve(String root, List<TfStep> steps, Span span) {
    return null;
  }

  @Override
  public Optional<SourceFile> file(String path) {
    return Optional.empty();
  }

  @Override
  public String guardPrefix() {
    return "";
  }
}
