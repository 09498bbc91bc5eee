package dev.polygraph.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fenced code blocks of one README section, so tests can run the examples users copy. */
public final class Readme {
  private Readme() {}

  /** The blocks fenced as {@code ```lang} in the section whose heading is {@code heading}. */
  public static List<String> blocks(String heading, String lang) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("README.md"));
    int start = lines.indexOf(heading);
    if (start < 0) {
      throw new IllegalStateException("README.md has no heading '" + heading + "'");
    }
    int level = heading.indexOf(' ');
    List<String> blocks = new ArrayList<>();
    StringBuilder block = null;
    for (int i = start + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (block == null && line.startsWith("#") && line.indexOf(' ') <= level && line.indexOf(' ') > 0
          && line.substring(0, line.indexOf(' ')).chars().allMatch(c -> c == '#')) {
        break; // the next heading of the same or a higher level
      }
      if (block == null && line.equals("```" + lang)) {
        block = new StringBuilder();
      } else if (block != null && line.equals("```")) {
        blocks.add(block.toString());
        block = null;
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    return List.copyOf(blocks);
  }
}
