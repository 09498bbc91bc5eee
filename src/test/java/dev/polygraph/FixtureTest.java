package dev.polygraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.polygraph.config.Config;
import dev.polygraph.config.ConfigException;
import dev.polygraph.config.ConfigLoader;
import dev.polygraph.rules.RuleSettings;
import dev.polygraph.scan.ScanOptions;
import dev.polygraph.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable specification: every case under {@code fixtures/} is scanned and must produce
 * exactly the findings its markers expect, no more and no less, and the same findings again with
 * CRLF line endings.
 */
class FixtureTest {

  @TempDir Path temp;

  @TestFactory
  Stream<DynamicTest> everyCaseFindsExactlyWhatItsMarkersExpect() throws IOException {
    List<FixtureCase> cases = FixtureCase.discover(FixtureCase.FIXTURES);
    assertFalse(cases.isEmpty(), "no fixture cases under " + FixtureCase.FIXTURES.toAbsolutePath());
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.name(), c.path().toUri(), () -> check(c)));
  }

  private void check(FixtureCase fixture) throws IOException {
    List<Expectation> expected = fixture.expectations();
    if (fixture.good()) {
      assertEquals(List.of(), expected, fixture + ": a good case expects no findings");
    } else {
      assertTrue(
          expected.stream().anyMatch(e -> e.ruleId().equals(fixture.ruleId())),
          fixture + ": a bad case must expect a finding of " + fixture.ruleId());
    }
    List<Observed> observed = scan(fixture);
    FixtureComparison comparison = FixtureComparison.of(expected, observed);
    if (!comparison.matches()) {
      fail(fixture + " does not find what its markers expect:\n" + comparison.describe(observed));
    }

    Path crlfDir = Files.createDirectories(temp.resolve(fixture.name()));
    List<Observed> crlf = scan(fixture.withCrlf(crlfDir));
    assertEquals(observed, crlf, fixture + ": CRLF line endings change the findings");
  }

  private static List<Observed> scan(FixtureCase fixture) throws IOException {
    var report = new Scanner(options(fixture)).scan(List.of(fixture.path()));
    // A suppressed finding stays in SARIF, marked; what a user sees and what counts are the others.
    return report.findings().stream()
        .filter(f -> !report.triage().suppressed(f))
        .map(Observed::of)
        .toList();
  }

  /** A folder case's {@code .polygraph.yaml} applies to its scan, as the CLI would apply it. */
  private static ScanOptions options(FixtureCase fixture) throws IOException {
    Path file = fixture.path().resolve(ConfigLoader.FILE_NAME);
    if (!Files.isDirectory(fixture.path()) || !Files.isRegularFile(file)) {
      return ScanOptions.defaults(fixture.root());
    }
    Config config;
    try {
      config = ConfigLoader.load(file);
    } catch (ConfigException e) {
      throw new AssertionError(fixture + ": invalid config: " + e.getMessage(), e);
    }
    RuleSettings settings =
        new RuleSettings(config.ipFamily(), config.cniRole(), config.nodeRoles(), config.ruleLevels(), false);
    return new ScanOptions(
        fixture.root(),
        Set.of(),
        Set.copyOf(config.skipRules()),
        settings,
        config.cfnParameters(),
        config.exclude(),
        config.roles());
  }
}
