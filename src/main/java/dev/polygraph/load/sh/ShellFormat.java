package dev.polygraph.load.sh;

import dev.polygraph.source.SourceFile;
import java.util.Locale;
import java.util.Set;

/** Tells shell scripts apart: by extension ({@code .sh}, {@code .bash}) or by a shell shebang. */
public final class ShellFormat {

  private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ksh", "zsh", "ash", "mksh");

  /** The name rule metadata uses for this format ({@code formats: [cfn, sh]}). */
  public static final String FORMAT = "sh";

  private ShellFormat() {}

  /** Whether the name alone says the file is a script. */
  public static boolean hasScriptExtension(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    return name.endsWith(".sh") || name.endsWith(".bash");
  }

  /**
   * Whether a file of this name may be a script whose shebang decides: it has no extension
   * ({@code bin/create-node-role}). Dot files ({@code .gitignore}) are not scripts.
   */
  public static boolean mayHaveShebang(String fileName) {
    return fileName.indexOf('.') < 0;
  }

  /** Whether the first line of a file names a shell: {@code #!/bin/bash}, {@code #!/usr/bin/env sh}. */
  public static boolean isShebang(String firstLine) {
    String line = firstLine.strip();
    if (!line.startsWith("#!")) {
      return false;
    }
    String[] words = line.substring(2).strip().split("\\s+");
    String program = baseName(words[0]);
    if (program.equals("env")) {
      // "#!/usr/bin/env bash", "#!/usr/bin/env -S bash -e": the first word that is not an option
      for (int i = 1; i < words.length; i++) {
        if (!words[i].startsWith("-")) {
          return SHELLS.contains(baseName(words[i]));
        }
      }
      return false;
    }
    return SHELLS.contains(program);
  }

  private static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Whether the file is a script: its extension says so, or its shebang does. */
  public static boolean isScript(SourceFile file) {
    String name = file.name();
    if (hasScriptExtension(name.substring(name.lastIndexOf('/') + 1))) {
      return true;
    }
    String text = file.text();
    int eol = 0;
    while (eol < text.length() && eol < 256 && text.charAt(eol) != '\n' && text.charAt(eol) != '\r') {
      eol++;
    }
    return text.startsWith("#!") && isShebang(text.substring(0, eol));
  }
}
