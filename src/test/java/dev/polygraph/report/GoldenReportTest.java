package dev.polygraph.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.report.json.JsonReporter;
import dev.polygraph.report.sarif.SarifReporter;
import dev.polygraph.report.text.TextReporter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SampleReports#sample()} in every format, compared byte for byte with
 * {@code fixtures/report/sample.expected.*}. After an intended change, regenerate them with
 * {@code mvn test -Dtest=GoldenReportTest -Dpolygraph.updateGolden=true} and review the diff.
 */
class GoldenReportTest {
  private static final Path DIR = Path.of("fixtures", "report");

  @ParameterizedTest
  @ValueSource(strings = {"sarif", "txt", "json"})
  void sampleMatchesGoldenFile(String extension) throws IOException {
    Reporter reporter =
        switch (extension) {
          case "sarif" -> new SarifReporter();
          case "txt" -> new TextReporter();
          default -> new JsonReporter();
        };
    StringWriter out = new StringWriter();
    reporter.write(SampleReports.sample(), out);
    byte[] actual = out.toString().getBytes(StandardCharsets.UTF_8);

    Path golden = DIR.resolve("sample.expected." + extension);
    if (Boolean.getBoolean("polygraph.updateGolden")) {
      Files.createDirectories(DIR);
      Files.write(golden, actual);
    }
    byte[] expected = Files.readAllBytes(golden);
    // Strings first for a readable diff, then bytes for what a string comparison can't see.
    assertEquals(new String(expected, StandardCharsets.UTF_8), out.toString(), golden.toString());
    assertArrayEquals(expected, actual, golden.toString());
  }
}
