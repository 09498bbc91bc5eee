package dev.polygraph.load.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellFormatTest {

  @Test
  void shebangsThatNameAShell() {
    List<String> lines =
        List.of(
            "#!/bin/sh", "#!/bin/bash -e", "#! /usr/bin/env bash", "#!/usr/bin/env -S bash -eu",
            "#!/usr/local/bin/zsh", "#!/usr/bin/python3", "#!/usr/bin/env node", "# just a comment", "#!");
    assertEquals(
        List.of(true, true, true, true, true, false, false, false, false),
        lines.stream().map(ShellFormat::isShebang).toList());
  }

  @Test
  void scriptsByExtensionOrByShebang() {
    assertEquals(true, ShellFormat.isScript(file("deploy/create-role.sh", "aws iam create-role\n")));
    assertEquals(true, ShellFormat.isScript(file("bin/bootstrap", "#!/usr/bin/env bash\r\nset -e\n")));
    assertEquals(false, ShellFormat.isScript(file("bin/tool", "#!/usr/bin/env python3\n")));
    assertEquals(false, ShellFormat.isScript(file("LICENSE", "MIT License\n")));
  }

  @Test
  void namesWorthPeekingInto() {
    assertEquals(
        List.of(true, true, false, false),
        List.of("Setup.SH", "x.bash", "x.py", ".envrc").stream().map(ShellFormat::hasScriptExtension).toList());
    assertEquals(
        List.of(true, false, false),
        List.of("bootstrap", ".gitignore", "notes.txt").stream().map(ShellFormat::mayHaveShebang).toList());
  }

  private static SourceFile file(String name, String text) {
    return new SourceFile(Path.of(name), name, text);
  }
}
