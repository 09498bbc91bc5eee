package dev.polygraph.report.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Location;
import dev.polygraph.report.AbsentResult;
import dev.polygraph.report.BaselineState;
import dev.polygraph.report.Fingerprints;
import dev.polygraph.report.JsonLayout;
import dev.polygraph.report.Notification;
import dev.polygraph.report.Reporter;
import dev.polygraph.report.ScanReport;
import dev.polygraph.report.Summary;
import dev.polygraph.report.Suppression;
import dev.polygraph.report.Triage;
import dev.polygraph.source.Span;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * polygraph's own JSON output, for scripts: the shape documented in {@code docs/json-output.md}.
 * Written field by field with a streaming generator so the key order is part of the code, and every
 * key is always present (null when there is nothing to say) so consumers never test for absence.
 */
public final class JsonReporter implements Reporter {
  /** The version of the document's shape; it changes only when a field changes meaning or goes. */
  public static final int FORMAT_VERSION = 1;

  private final JsonFactory factory =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  @Override
  public void write(ScanReport report, Writer out) throws IOException {
    try (JsonGenerator json = factory.createGenerator(out)) {
      json.setPrettyPrinter(JsonLayout.prettyPrinter());
      json.writeStartObject();
      json.writeNumberField("version", FORMAT_VERSION);
      json.writeObjectFieldStart("tool");
      json.writeStringField("name", "polygraph");
      json.writeStringField("version", report.toolVersion());
      json.writeEndObject();

      json.writeArrayFieldStart("findings");
      for (Finding finding : report.findings()) {
        writeFinding(finding, report.triage(), json);
      }
      json.writeEndArray();

      json.writeArrayFieldStart("absent");
      for (AbsentResult gone : report.triage().absent()) {
        json.writeStartObject();
        json.writeStringField("ruleId", gone.ruleId());
        json.writeStringField("level", gone.level().id());
        json.writeStringField("message", gone.message());
        json.writeFieldName("location");
        if (gone.location() == null) {
          json.writeNull();
        } else {
          writeLocation(gone.location(), false, json);
        }
        json.writeStringField("fingerprint", gone.fingerprintHash());
        json.writeEndObject();
      }
      json.writeEndArray();

      json.writeArrayFieldStart("notifications");
      for (Notification notification : report.notifications()) {
        json.writeStartObject();
        json.writeStringField("level", notification.level().id());
        json.writeStringField("message", notification.message());
        json.writeFieldName("location");
        if (notification.span() == null) {
          json.writeNull();
        } else {
          writeLocation(new Location(notification.span(), null, null), false, json);
        }
        json.writeEndObject();
      }
      json.writeEndArray();

      Summary summary = Summary.of(report);
      json.writeObjectFieldStart("summary");
      json.writeNumberField("errors", summary.errors());
      json.writeNumberField("warnings", summary.warnings());
      json.writeNumberField("notes", summary.notes());
      json.writeNumberField("undecided", summary.undecided());
      json.writeNumberField("files", summary.files());
      json.writeNumberField("suppressed", report.triage().suppressions().size());
      json.writeEndObject();
      json.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void writeFinding(Finding finding, Triage triage, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", finding.ruleId());
    json.writeStringField("level", finding.level().id());
    json.writeStringField("kind", finding.kind().name().toLowerCase(Locale.ROOT));
    json.writeStringField("message", finding.message());
    json.writeFieldName("location");
    writeLocation(finding.location(), false, json);
    json.writeArrayFieldStart("related");
    for (Location related : finding.related()) {
      writeLocation(related, true, json);
    }
    json.writeEndArray();
    json.writeStringField("fingerprint", Fingerprints.sha256Hex(finding.fingerprint()));
    json.writeStringField("help", finding.help());
    json.writeFieldName("suppression");
    Suppression suppression = triage.suppression(finding).orElse(null);
    if (suppression == null) {
      json.writeNull();
    } else {
      json.writeStartObject();
      json.writeStringField("kind", suppression.kind().sarifName());
      json.writeStringField("justification", suppression.justification());
      json.writeEndObject();
    }
    json.writeStringField("baselineState", triage.baselineState(finding).map(BaselineState::id).orElse(null));
    json.writeEndObject();
  }

  private static void writeLocation(Location location, boolean withMessage, JsonGenerator json)
      throws IOException {
    Span span = location.span();
    json.writeStartObject();
    json.writeStringField("file", span.file());
    json.writeNumberField("startLine", span.startLine());
    json.writeNumberField("startColumn", span.startColumn());
    json.writeNumberField("endLine", span.endLine());
    json.writeNumberField("endColumn", span.endColumn());
    json.writeStringField("address", location.address());
    if (withMessage) {
      json.writeStringField("message", location.message());
    }
    json.writeEndObject();
  }
}
