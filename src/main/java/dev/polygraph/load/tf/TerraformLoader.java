package dev.polygraph.load.tf;

import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** CONTRACT SKELETON (tf-base branch only): implemented by the modules helper. */
public final class TerraformLoader {

  /**
   * What loading gave.
   *
   * @param problems parse errors and structural errors (POLY001), and evaluation problems worth a
   *     finding (a .tfvars file that does not parse)
   * @param notes what the run should say once, as notes (a registry module that is not installed,
   *     once per call; the scanner turns them into notifications)
   * @param bodies every parsed .tf/.tfvars file's body by file name, for suppression comments
   */
  public record Result(
      List<InputProblem> problems, List<InputProblem> notes, Map<String, Body> bodies) {}

  /**
   * @param files reads a file by its path relative to the scan root (modules outside the scanned
   *     paths, var files, file() arguments); empty when it does not exist
   */
  public TerraformLoader(TfOptions options, Function<String, Optional<SourceFile>> files) {
    throw new UnsupportedOperationException("loader not merged yet");
  }

  /**
   * Loads the Terraform configurations the scanned .tf and .tfvars files belong to into the graph.
   */
  public Result load(List<SourceFile> tfFiles, List<SourceFile> tfvarsFiles, PolicyGraph.Builder out) {
    throw new UnsupportedOperationException("loader not merged yet");
  }
}
