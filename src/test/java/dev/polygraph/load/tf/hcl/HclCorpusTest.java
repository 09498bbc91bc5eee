package dev.polygraph.load.tf.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Parses every {@code .tf} file under each folder named in {@code -Dpolygraph.corpus=dir1,dir2}
 * (real-world repositories kept outside the project) and asserts that none has a problem. Prints
 * counts, and the throughput of a warm second pass.
 */
@EnabledIfSystemProperty(named = "polygraph.corpus", matches = ".+")
class HclCorpusTest {

  @Test
  void everyFileParsesWithoutProblems() throws IOException {
    List<String> failures = new ArrayList<>();
    for (String dir : System.getProperty("polygraph.corpus").split(",")) {
      List<SourceFile> files = read(Path.of(dir));
      long bytes = files.stream().mapToLong(f -> f.text().getBytes(StandardCharsets.UTF_8).length).sum();
      int withProblems = 0;
      for (SourceFile file : files) {
        HclResult result = HclFiles.parse(file);
        if (result.hasProblems()) {
          withProblems++;
          InputProblem first = result.problems().get(0);
          failures.add(dir + "/" + file.name() + ":" + first.span().startLine() + ":"
              + first.span().startColumn() + ": " + first.message());
        }
      }
      for (int warmup = 0; warmup < 10; warmup++) {
        files.forEach(HclFiles::parse);
      }
      long start = System.nanoTime();
      int rounds = 10;
      for (int round = 0; round < rounds; round++) {
        files.forEach(HclFiles::parse);
      }
      double seconds = (System.nanoTime() - start) / 1e9 / rounds;
      System.out.printf("%s: %d files, %d with problems, %.0f files/s, %.2f MB/s%n", dir, files.size(),
          withProblems, files.size() / seconds, bytes / 1e6 / seconds);
    }
    failures.forEach(System.out::println);
    if (!Boolean.getBoolean("polygraph.corpus.allowProblems")) {
      assertEquals(List.of(), failures);
    }
  }

  private static List<SourceFile> read(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(p -> p.toString().endsWith(".tf") && Files.isRegularFile(p)).sorted()
          .map(p -> {
            try {
              String name = root.relativize(p).toString().replace('\\', '/');
              return new SourceFile(p, name, Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          })
          .toList();
    }
  }
}
