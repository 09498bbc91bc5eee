package dev.polygraph.source;

/**
 * Thrown by the scan's file lookup when {@link ReadScope} refuses a path: the file lies outside the
 * scanned tree. A loader that turns a missing file into a value turns this into an unknown whose
 * reason is the message ("'../x/trust.json' is outside the scanned tree"), or into a problem at the
 * place that named the file; it never carries any of the file's content.
 */
public final class ReadRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param name the path as the scan names it (relative to the scan root), not where a link points */
  public ReadRefused(String name) {
    super("'" + name + "' is " + ReadScope.OUTSIDE, null, false, false);
  }
}
