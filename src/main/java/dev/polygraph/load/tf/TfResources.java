package dev.polygraph.load.tf;

import dev.polygraph.graph.PolicyGraph;

/** CONTRACT SKELETON (tf-base branch only): implemented by the resources helper. */
public final class TfResources {

  private TfResources() {}

  /** Adds the graph nodes one resource instance makes; types this tool does not read add none. */
  public static void map(TfInstance instance, PolicyGraph.Builder out) {
    throw new UnsupportedOperationException("resources not merged yet");
  }
}
