package dev.polygraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One fixture case: a file, or a folder scanned as one scan, under {@code fixtures/RULE/FORMAT/}
 * (a Terraform case is always a folder, since Terraform reads a module as a directory).
 * Its name starts with {@code good-} (no findings at all) or {@code bad-} (at least one finding of
 * its own rule, and exactly the findings marked).
 *
 * @param name the case's path below {@code fixtures/}, e.g. "EKS004/cfn/bad-import"
 * @param path the file or folder to scan
 * @param root the scan root findings' paths are relative to (the folder itself, or a file's parent)
 */
record FixtureCase(String name, Path path, Path root) {

  static final Path FIXTURES = Path.of("fixtures");
  static final String REPORT_FOLDER = "report";

  /** Every case under {@code fixtures}, sorted by name; {@code fixtures/report/} holds golden outputs. */
  static List<FixtureCase> discover(Path fixtures) throws IOException {
    List<FixtureCase> cases = new ArrayList<>();
    try (Stream<Path> rules = Files.list(fixtures)) {
      for (Path rule : rules.sorted().toList()) {
        if (!Files.isDirectory(rule) || rule.getFileName().toString().equals(REPORT_FOLDER)) {
          continue;
        }
        try (Stream<Path> formats = Files.list(rule)) {
          for (Path format : formats.filter(Files::isDirectory).sorted().toList()) {
            try (Stream<Path> entries = Files.list(format)) {
              for (Path entry : entries.sorted().toList()) {
                if (isCase(entry)) {
                  String name = fixtures.relativize(entry).toString().replace('\\', '/');
                  Path root = Files.isDirectory(entry) ? entry : entry.getParent();
                  cases.add(new FixtureCase(name, entry, root));
                }
              }
            }
          }
        }
      }
    }
    return List.copyOf(cases);
  }

  private static boolean isCase(Path entry) {
    String file = entry.getFileName().toString();
    boolean named = file.startsWith("good-") || file.startsWith("bad-");
    return named && (Files.isDirectory(entry) || isInput(file));
  }

  /** A file the scanner reads: templates, policies, scripts, Terraform files and variable files. */
  static boolean isInput(String file) {
    return file.endsWith(".yaml")
        || file.endsWith(".yml")
        || file.endsWith(".json")
        || file.endsWith(".sh")
        || file.endsWith(".tf")
        || file.endsWith(".tfvars");
  }

  /** The rule the case is filed under ("EKS004"). */
  String ruleId() {
    return name.substring(0, name.indexOf('/'));
  }

  boolean good() {
    return path.getFileName().toString().startsWith("good-");
  }

  /** The input files of the case, relative to its root, sorted. */
  List<Path> inputs() throws IOException {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> files = Files.walk(path)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> isInput(f.getFileName().toString()))
          .sorted()
          .toList();
    }
  }

  /** What the markers of every input file expect. */
  List<Expectation> expectations() throws IOException {
    List<Expectation> all = new ArrayList<>();
    for (Path input : inputs()) {
      String file = root.relativize(input).toString().replace('\\', '/');
      String fileName = input.getFileName().toString();
      Path expect = input.resolveSibling(fileName + ".expect");
      // A sibling .expect file speaks for JSON, and for a script or a .tf file whose finding starts
      // on a line that cannot hold a comment (a continued command, a line of a here-document).
      if (Files.exists(expect)) {
        all.addAll(ExpectationMarkers.expectFile(file, name(expect), read(expect)));
      } else if (!fileName.endsWith(".json")) {
        all.addAll(ExpectationMarkers.inline(file, read(input)));
      }
    }
    return List.copyOf(all);
  }

  /**
   * Copies the case into {@code target} with every input file's line endings turned into CRLF, and
   * returns the copy (same layout, so the same relative file names).
   */
  FixtureCase withCrlf(Path target) throws IOException {
    Path copy = target.resolve(path.getFileName().toString());
    for (Path input : inputs()) {
      Path to = Files.isDirectory(path) ? copy.resolve(path.relativize(input).toString()) : copy;
      Files.createDirectories(to.getParent());
      String lf = read(input).replace("\r\n", "\n");
      Files.writeString(to, lf.replace("\n", "\r\n"), StandardCharsets.UTF_8);
    }
    return new FixtureCase(name, copy, Files.isDirectory(path) ? copy : target);
  }

  private static String name(Path p) {
    return p.getFileName().toString();
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
