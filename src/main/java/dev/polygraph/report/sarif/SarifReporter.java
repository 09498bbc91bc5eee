package dev.polygraph.report.sarif;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.polygraph.report.JsonLayout;
import dev.polygraph.report.Reporter;
import dev.polygraph.report.ScanReport;
import java.io.IOException;
import java.io.Writer;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, rules from the catalogue,
 * one physical location per result, fingerprints that ignore line numbers. The same report always
 * gives the same bytes: no timestamps, no absolute paths besides the scan root, a fixed key order.
 */
public final class SarifReporter implements Reporter {
  private final ObjectWriter writer;

  public SarifReporter() {
    ObjectMapper mapper =
        SarifMixins.register(new ObjectMapper())
            // The any-getter maps (properties, partialFingerprints) are HashMaps in java-sarif.
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    this.writer = mapper.writer(JsonLayout.prettyPrinter());
  }

  @Override
  public void write(ScanReport report, Writer out) throws IOException {
    writer.writeValue(out, SarifLogBuilder.build(report));
    out.write('\n');
    out.flush();
  }
}
