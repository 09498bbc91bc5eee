package dev.polygraph.load.sh;

import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import java.util.List;

/** A script split into simple commands, in source order, and what could not be read. */
record ShellScript(SourceFile file, List<Command> commands, List<InputProblem> problems) {
  ShellScript {
    commands = List.copyOf(commands);
    problems = List.copyOf(problems);
  }
}
