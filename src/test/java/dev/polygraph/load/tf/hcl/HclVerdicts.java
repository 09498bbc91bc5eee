package dev.polygraph.load.tf.hcl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test-scope tool for the differential check in {@code src/test/diff/hcl}: parses every {@code .tf}
 * file under a folder and prints one JSON line per file, {@code {file, ok, line, message}}, in the
 * format of {@code hashicorp-verdicts.mjs}; then times warm passes and prints them to stderr.
 */
final class HclVerdicts {

  private HclVerdicts() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    List<SourceFile> files = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(p -> p.toString().endsWith(".tf") && Files.isRegularFile(p)).sorted().toList()) {
        // Undecodable bytes become U+FFFD, as in node's 'utf8' reading.
        String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        files.add(new SourceFile(path, root.relativize(path).toString().replace('\\', '/'), text));
      }
    }
    ObjectMapper json = new ObjectMapper();
    StringBuilder out = new StringBuilder();
    for (SourceFile file : files) {
      HclResult result = HclFiles.parse(file);
      ObjectNode line = json.createObjectNode().put("file", file.name()).put("ok", !result.hasProblems());
      if (result.hasProblems()) {
        InputProblem first = result.problems().get(0);
        line.put("line", first.span().startLine()).put("message",
            first.span().startLine() + ":" + first.span().startColumn() + ": " + first.message());
      }
      out.append(json.writeValueAsString(line)).append('\n');
    }
    System.out.print(out);
    long bytes = files.stream().mapToLong(f -> f.text().getBytes(StandardCharsets.UTF_8).length).sum();
    for (int warmup = 0; warmup < 10; warmup++) {
      files.forEach(HclFiles::parse);
    }
    int rounds = 10;
    long start = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      files.forEach(HclFiles::parse);
    }
    double seconds = (System.nanoTime() - start) / 1e9 / rounds;
    System.err.printf("polygraph: %d files, %.0f files/s, %.2f MB/s (warm pass)%n", files.size(),
        files.size() / seconds, bytes / 1e6 / seconds);
  }
}
