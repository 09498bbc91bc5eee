package dev.polygraph.report;

import java.io.IOException;
import java.io.Writer;

/** Writes a scan report in one output format. */
public interface Reporter {
  void write(ScanReport report, Writer out) throws IOException;
}
