package dev.polygraph.report.sarif;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.polygraph.report.JsonLayout;
import dev.polygraph.report.Reporter;
import dev.polygraph.report.ScanReport;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, rules from the catalogue,
 * one physical location per result, fingerprints that ignore line numbers. The same report always
 * gives the same bytes: no timestamps, no absolute paths besides the scan root, a fixed key order.
 */
public final class SarifReporter implements Reporter {
  private final ObjectWriter writer;
  private final UploadLimits limits;

  public SarifReporter() {
    this(UploadLimits.GITHUB);
  }

  SarifReporter(UploadLimits limits) {
    this.limits = limits;
    ObjectMapper mapper =
        SarifMixins.register(new ObjectMapper())
            // The any-getter maps (properties, partialFingerprints) are HashMaps in java-sarif.
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    this.writer = mapper.writer(JsonLayout.prettyPrinter());
  }

  @Override
  public void write(ScanReport report, Writer out) throws IOException {
    out.write(withinUploadLimits(SarifLogBuilder.build(report)));
    out.write('\n');
    out.flush();
  }

  /**
   * The log as JSON, trimmed to what GitHub code scanning accepts: related locations past the
   * per-result limit, then the least severe results past the per-run limit, then as many more as
   * needed until the gzip-compressed file fits. Each cut is announced in a notification. Within the
   * limits the log is written untouched.
   */
  private String withinUploadLimits(SarifSchema210 log) throws IOException {
    Run run = log.getRuns().get(0);
    limits.capRelatedLocations(run);
    UploadLimits.keepMostSevere(run, limits.resultsPerRun(),
        String.format(Locale.ROOT, "to stay within GitHub code scanning's limit of %d results per run",
            limits.resultsPerRun()));
    String json = writer.writeValueAsString(log);
    long size = gzipSize(json);
    List<Result> candidates = run.getResults();
    List<Notification> notifications = run.getInvocations().get(0).getToolExecutionNotifications();
    int keep = candidates.size();
    while (size > limits.gzipBytes() && keep > 0) {
      // Results are most of the file: shrink in proportion to the excess, with a margin.
      keep = (int) Math.min(keep - 1L, (long) (keep * 0.9 * limits.gzipBytes() / size));
      // Each attempt starts from the same results and notifications, so one notification tells it all.
      run.setResults(candidates);
      run.getInvocations().get(0).setToolExecutionNotifications(notifications);
      UploadLimits.keepMostSevere(run, keep,
          String.format(Locale.ROOT,
              "to stay within GitHub code scanning's limit of %d bytes of gzip-compressed SARIF",
              limits.gzipBytes()));
      json = writer.writeValueAsString(log);
      size = gzipSize(json);
    }
    return json;
  }

  private static long gzipSize(String json) throws IOException {
    CountingOutputStream counter = new CountingOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(counter)) {
      gzip.write(json.getBytes(StandardCharsets.UTF_8));
    }
    return counter.count;
  }

  /** Counts the bytes written to it and keeps none. */
  private static final class CountingOutputStream extends OutputStream {
    private long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
