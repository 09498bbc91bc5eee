package dev.polygraph.source;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The names reports show for files: a path's elements joined with "/", relative to the scan root
 * when inside it. A "\" is part of a POSIX file name ({@code x\role.tf}), never a separator. Names
 * are decoded as UTF-8 whatever the locale: under {@code LANG=C} Java decodes file names as ASCII
 * ({@code sun.jnu.encoding}), which would turn "ñ" into "?" and change the fingerprints of the
 * file's findings; the bytes of a path survive in its URI, so they are decoded from there.
 */
public final class FileNames {

  /** Whether Java's own file-name decoding may lose characters (a POSIX system in a non-UTF-8 locale). */
  private static final boolean LOSSY =
      File.separatorChar == '/' && !"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding", "UTF-8"));

  private FileNames() {}

  /** The name of {@code abs} (absolute, normalized) relative to {@code root} (absolute, normalized). */
  public static String relative(Path root, Path abs) {
    if (!abs.startsWith(root)) {
      return of(abs);
    }
    Path rel = root.relativize(abs);
    if (rel.toString().isEmpty()) {
      return abs.getFileName() == null ? of(abs) : last(abs);
    }
    if (!LOSSY) {
      return join(rel);
    }
    String whole = decoded(abs);
    int drop = rel.getNameCount();
    int cut = whole.length();
    for (int i = 0; i < drop && cut > 0; i++) {
      cut = whole.lastIndexOf('/', cut - 1);
    }
    return whole.substring(cut + 1);
  }

  /** The name of a path on its own: elements joined with "/", absolute paths starting with "/". */
  public static String of(Path path) {
    if (LOSSY && path.isAbsolute()) {
      return decoded(path);
    }
    return join(path);
  }

  private static String last(Path abs) {
    if (!LOSSY) {
      return abs.getFileName().toString();
    }
    String whole = decoded(abs);
    return whole.substring(whole.lastIndexOf('/') + 1);
  }

  private static String join(Path path) {
    StringBuilder out = new StringBuilder();
    if (path.getRoot() != null) {
      out.append(path.getRoot().toString().replace('\\', '/'));
    }
    for (int i = 0; i < path.getNameCount(); i++) {
      if (i > 0) {
        out.append('/');
      }
      out.append(path.getName(i).toString());
    }
    return out.toString();
  }

  /** The absolute path's bytes, from its URI's percent-encoded path, decoded as UTF-8. */
  private static String decoded(Path abs) {
    String raw = abs.toUri().getRawPath();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    String s = bytes.toString(StandardCharsets.UTF_8);
    return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
