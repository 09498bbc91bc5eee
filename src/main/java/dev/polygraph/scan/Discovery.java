package dev.polygraph.scan;

import dev.polygraph.finding.Level;
import dev.polygraph.report.Notification;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Walks the given paths and reads the files that may be inputs. Files that cannot be read (binary,
 * not UTF-8, too large, a symlink loop) become notifications; nothing here stops the scan.
 */
final class Discovery {

  /** Larger files are skipped: no template or policy is this big, and reading it would cost memory. */
  static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

  /** JSON may be an account dump, read in streaming fashion: large accounts dump hundreds of MB. */
  static final long MAX_JSON_FILE_BYTES = 512L * 1024 * 1024;

  private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", ".hg", ".svn", "node_modules", ".terraform");

  private final Path root;
  private final List<PathMatcher> excludes;
  private final Predicate<Path> isCandidate;

  /**
   * @param isCandidate which files found while walking a directory are worth reading (by name)
   */
  Discovery(Path root, List<String> excludeGlobs, Predicate<Path> isCandidate) {
    this.root = root.toAbsolutePath().normalize();
    this.excludes = new ArrayList<>();
    for (String glob : excludeGlobs) {
      excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
    }
    this.isCandidate = isCandidate;
  }

  record Result(List<SourceFile> files, List<Notification> notifications) {}

  Result discover(List<Path> paths) throws IOException {
    // Sorted by name so that the order of everything downstream does not depend on the file system.
    TreeMap<String, Path> found = new TreeMap<>();
    List<Notification> notes = new ArrayList<>();
    for (Path given : paths) {
      Path abs = given.toAbsolutePath().normalize();
      if (!Files.exists(abs)) {
        throw new NoSuchFileException(given.toString());
      }
      if (Files.isDirectory(abs)) {
        walk(abs, found, notes);
      } else if (!isExcluded(abs)) {
        found.put(name(abs), abs);
        if (isTerraformFile(abs)) {
          moduleSiblings(abs, found);
        }
      }
    }
    List<SourceFile> files = new ArrayList<>();
    for (var e : found.entrySet()) {
      read(e.getValue(), e.getKey(), notes).ifPresent(files::add);
    }
    return new Result(files, notes);
  }

  /** Terraform reads a module as a directory, so a .tf file named alone brings its module's files. */
  private void moduleSiblings(Path tfFile, TreeMap<String, Path> found) throws IOException {
    Path dir = tfFile.getParent();
    if (dir == null) {
      return;
    }
    try (var entries = Files.list(dir)) {
      for (Path f : entries.toList()) {
        if (Files.isRegularFile(f) && isModuleFile(f.getFileName().toString()) && !isExcluded(f)) {
          found.put(name(f), f);
        }
      }
    }
  }

  private static boolean isTerraformFile(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tf");
  }

  /** The files Terraform itself reads from a module directory (JSON syntax aside). */
  static boolean isModuleFile(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    return name.endsWith(".tf")
        || name.equals("terraform.tfvars")
        || name.equals("terraform.tfvars.json")
        || name.endsWith(".auto.tfvars")
        || name.endsWith(".auto.tfvars.json");
  }

  /** A path given on the command line that does not exist. */
  static final class NoSuchFileException extends IOException {
    private static final long serialVersionUID = 1L;

    NoSuchFileException(String path) {
      super("no such file or directory: " + path);
    }
  }

  private void walk(Path dir, TreeMap<String, Path> found, List<Notification> notes) throws IOException {
    Files.walkFileTree(
        dir,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
            if (!d.equals(dir)
                && (SKIPPED_DIRECTORIES.contains(d.getFileName().toString()) || isExcluded(d))) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && isCandidate.test(f) && !isExcluded(f)) {
              found.put(name(f), f);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path f, IOException e) {
            String why =
                e instanceof FileSystemLoopException
                    ? "symbolic link loop, not followed"
                    : "cannot be read (" + e.getClass().getSimpleName() + ")";
            notes.add(new Notification(Level.WARNING, "Skipped '" + name(f) + "': " + why + ".", null));
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Reads one file found some other way (a file a script or the config names), as if discovered. */
  java.util.Optional<SourceFile> read(Path file, List<Notification> notes) {
    return Files.isRegularFile(file) ? read(file, name(file), notes) : java.util.Optional.empty();
  }

  /** The first line of a file, at most 256 bytes of it; "" when it cannot be read. */
  static String firstLine(Path file) {
    byte[] head = new byte[256];
    int n = 0;
    try (var in = Files.newInputStream(file)) {
      int r;
      while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) {
        n += r;
      }
    } catch (IOException e) {
      return "";
    }
    String text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
    int eol = text.indexOf('\n');
    return eol < 0 ? text : text.substring(0, eol);
  }

  private java.util.Optional<SourceFile> read(Path file, String name, List<Notification> notes) {
    try {
      long size = Files.size(file);
      long max = name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? MAX_JSON_FILE_BYTES : MAX_FILE_BYTES;
      if (size > max) {
        notes.add(skipped(name, "larger than " + (max >> 20) + " MB"));
        return java.util.Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(file);
      for (byte b : bytes) {
        if (b == 0) {
          notes.add(skipped(name, "binary file"));
          return java.util.Optional.empty();
        }
      }
      checkUtf8(bytes);
      // Validated above, so nothing is replaced; the String constructor decodes without the
      // intermediate char buffer, which for a large account dump is twice the file's size.
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1); // a UTF-8 byte order mark is not content
      }
      return java.util.Optional.of(new SourceFile(file, name, text));
    } catch (CharacterCodingException e) {
      notes.add(skipped(name, "not valid UTF-8"));
    } catch (IOException e) {
      notes.add(skipped(name, "cannot be read (" + e.getClass().getSimpleName() + ")"));
    }
    return java.util.Optional.empty();
  }

  /** Throws when the bytes are not UTF-8, decoding in small chunks so that nothing large is allocated. */
  private static void checkUtf8(byte[] bytes) throws CharacterCodingException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isError()) {
        r.throwException();
      }
      if (r.isUnderflow()) {
        break;
      }
      out.clear();
    }
    out.clear();
    CoderResult end = decoder.flush(out);
    if (end.isError()) {
      end.throwException();
    }
  }

  private static Notification skipped(String name, String why) {
    return new Notification(Level.WARNING, "Skipped '" + name + "': " + why + ".", Span.fileStart(name));
  }

  private boolean isExcluded(Path abs) {
    if (excludes.isEmpty() || !abs.startsWith(root)) {
      return false;
    }
    Path rel = root.relativize(abs);
    for (PathMatcher m : excludes) {
      if (m.matches(rel)) {
        return true;
      }
    }
    return false;
  }

  /** The name reports show: relative to the root when inside it, with forward slashes. */
  String name(Path abs) {
    return name(root, abs);
  }

  /** {@link #name(Path)} for a normalized absolute root and path. */
  static String name(Path root, Path abs) {
    Path shown = abs.startsWith(root) ? root.relativize(abs) : abs;
    String s = shown.toString().replace('\\', '/');
    return s.isEmpty() ? abs.getFileName().toString() : s;
  }
}
