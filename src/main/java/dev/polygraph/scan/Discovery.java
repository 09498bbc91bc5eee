package dev.polygraph.scan;

import dev.polygraph.finding.Level;
import dev.polygraph.report.Notification;
import dev.polygraph.source.FileNames;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.ReadRefused;
import dev.polygraph.source.ReadScope;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Walks the given paths and reads the files that may be inputs, every read through the scan's
 * {@link ReadScope}. Links that leave the scanned tree are not followed, a directory is entered
 * once, and only regular files are opened. A file that would be a policy input but cannot be read
 * as text (a NUL byte, invalid UTF-8, too large) is a problem at the first offending byte; any
 * other unreadable file is skipped silently and counted. Nothing here stops the scan.
 */
final class Discovery {

  /** Larger files are not read: no template or policy is this big, and reading it would cost memory. */
  static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

  /** JSON may be an account dump, read in streaming fashion: large accounts dump hundreds of MB. */
  static final long MAX_JSON_FILE_BYTES = 512L * 1024 * 1024;

  private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", ".hg", ".svn", "node_modules", ".terraform");

  private final Path root;
  private final List<PathMatcher> excludes;
  private final Predicate<Path> isCandidate;
  private final ReadScope scope;

  /**
   * @param isCandidate which files found while walking a directory are worth reading (by name);
   *     only asked about regular files inside the scope
   * @param scope what may be read
   */
  Discovery(Path root, List<String> excludeGlobs, Predicate<Path> isCandidate, ReadScope scope) {
    this.root = root.toAbsolutePath().normalize();
    this.excludes = new ArrayList<>();
    for (String glob : excludeGlobs) {
      excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
    }
    this.isCandidate = isCandidate;
    this.scope = scope;
  }

  /**
   * What discovery found.
   *
   * @param problems policy inputs that cannot be read as text (POLY001)
   * @param notPolicyInputs names of files skipped silently: unreadable, and no policy input
   */
  record Result(
      List<SourceFile> files, List<Notification> notifications, List<InputProblem> problems,
      List<String> notPolicyInputs) {}

  /** Where the reads of one scan report what they could not read. */
  record Sink(List<Notification> notifications, List<InputProblem> problems, List<String> notPolicyInputs) {
    static Sink create() {
      return new Sink(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
  }

  Result discover(List<Path> paths) throws IOException {
    // Sorted by name so that the order of everything downstream does not depend on the file system.
    TreeMap<String, Path> found = new TreeMap<>();
    Sink sink = Sink.create();
    Set<Object> seenDirectories = new HashSet<>();
    for (Path given : paths) {
      Path abs = given.toAbsolutePath().normalize();
      if (!Files.exists(abs)) {
        throw new NoSuchFileException(given.toString());
      }
      if (Files.isDirectory(abs)) {
        if (ReadScope.rootOf(abs).isEmpty()) {
          sink.notifications().add(skipped(name(abs), "a symbolic link to a directory outside its own, not followed"));
        } else {
          walk(abs, found, seenDirectories, sink.notifications());
        }
      } else if (!isExcluded(abs) && admit(abs, sink.notifications())) {
        found.put(name(abs), abs);
        if (isTerraformFile(abs)) {
          moduleSiblings(abs, found, sink.notifications());
        }
      }
    }
    List<SourceFile> files = new ArrayList<>();
    for (var e : found.entrySet()) {
      read(e.getValue(), e.getKey(), false, sink).ifPresent(files::add);
    }
    return new Result(files, sink.notifications(), sink.problems(), sink.notPolicyInputs());
  }

  /** Whether a path named on the command line is a regular file inside the scope; else says why not. */
  private boolean admit(Path file, List<Notification> notes) {
    ReadScope.Verdict v = scope.check(file).verdict();
    switch (v) {
      case READ:
        return true;
      case OUTSIDE:
        notes.add(skipped(name(file), "a symbolic link out of the scanned tree, not followed"));
        return false;
      case SPECIAL:
        notes.add(skipped(name(file), "not a regular file (a FIFO, device or socket), not opened"));
        return false;
      default:
        return false;
    }
  }

  /** Terraform reads a module as a directory, so a .tf file named alone brings its module's files. */
  private void moduleSiblings(Path tfFile, TreeMap<String, Path> found, List<Notification> notes) throws IOException {
    Path dir = tfFile.getParent();
    if (dir == null) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path f : entries) {
        if (isModuleFile(f.getFileName().toString()) && !isExcluded(f) && !found.containsKey(name(f))
            && admit(f, notes)) {
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

  /**
   * Walks a directory without following links blindly: a link is followed only when its target lies
   * inside the scope, a directory already entered (by file key, so through whatever link) is not
   * entered again, and FIFOs, devices and sockets are never opened.
   */
  private void walk(Path top, TreeMap<String, Path> found, Set<Object> seen, List<Notification> notes) {
    Deque<Path> pending = new ArrayDeque<>();
    // Directories reached through links are entered last, so that a directory reached both ways is
    // scanned under its own name.
    Deque<Path> linked = new ArrayDeque<>();
    pending.push(top);
    while (!pending.isEmpty() || !linked.isEmpty()) {
      boolean viaLink = pending.isEmpty();
      Path dir = viaLink ? linked.removeFirst() : pending.pop();
      Object key;
      try {
        BasicFileAttributes attrs = Files.readAttributes(dir, BasicFileAttributes.class);
        key = attrs.fileKey() != null ? attrs.fileKey() : dir.toRealPath();
      } catch (IOException e) {
        notes.add(skipped(name(dir), "cannot be read (" + e.getClass().getSimpleName() + ")"));
        continue;
      }
      if (!seen.add(key)) {
        if (viaLink) {
          notes.add(new Notification(Level.NOTE, "Skipped '" + name(dir) + "': a symbolic link to a directory"
              + " already scanned, not entered again.", Span.fileStart(name(dir))));
        }
        continue;
      }
      List<Path> entries = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
        stream.forEach(entries::add);
      } catch (IOException | java.nio.file.DirectoryIteratorException e) {
        notes.add(skipped(name(dir), "cannot be read (" + e.getClass().getSimpleName() + ")"));
        continue;
      }
      // Reverse order on a stack, so directories are entered in name order.
      entries.sort(java.util.Comparator.comparing(Path::toString).reversed());
      List<Path> links = new ArrayList<>();
      for (Path entry : entries) {
        visit(entry, pending, links, found, notes);
      }
      for (int i = links.size() - 1; i >= 0; i--) {
        linked.addLast(links.get(i));
      }
    }
  }

  private void visit(
      Path entry, Deque<Path> pending, List<Path> links, TreeMap<String, Path> found, List<Notification> notes) {
    if (isExcluded(entry)) {
      return;
    }
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      notes.add(skipped(name(entry), "cannot be read (" + e.getClass().getSimpleName() + ")"));
      return;
    }
    boolean directory = attrs.isDirectory();
    boolean regular = attrs.isRegularFile();
    boolean link = attrs.isSymbolicLink();
    if (link) {
      ReadScope.Verdict target = scope.check(entry).verdict();
      if (target == ReadScope.Verdict.OUTSIDE) {
        notes.add(skipped(name(entry), "a symbolic link out of the scanned tree, not followed"));
        return;
      }
      if (target == ReadScope.Verdict.MISSING) {
        return; // a broken link names nothing to read
      }
      directory = target == ReadScope.Verdict.DIRECTORY;
      regular = target == ReadScope.Verdict.READ;
    }
    if (directory) {
      if (!SKIPPED_DIRECTORIES.contains(entry.getFileName().toString())) {
        if (link) {
          links.add(entry);
        } else {
          pending.push(entry);
        }
      }
    } else if (regular) {
      if (isCandidate.test(entry)) {
        found.put(name(entry), entry);
      }
    } else {
      notes.add(skipped(name(entry), "not a regular file (a FIFO, device or socket), not opened"));
    }
  }

  /**
   * Reads a file something in the scan names (a script's {@code file://}, Terraform's {@code
   * file()}, the config): as if discovered, and always as a policy input, since its content flows
   * into one.
   *
   * @return empty when there is nothing to read there (missing, a directory)
   * @throws ReadRefused when the file lies outside the scanned tree
   */
  Optional<SourceFile> read(Path file, Sink sink) {
    return read(file, name(file), true, sink);
  }

  /** The first line of a file, at most 256 bytes of it; "" when it cannot be read. */
  static String firstLine(Path file) {
    byte[] head;
    try {
      head = readAtMost(file, 256);
    } catch (IOException e) {
      return "";
    }
    String text = new String(head, StandardCharsets.ISO_8859_1);
    int eol = text.indexOf('\n');
    return eol < 0 ? text : text.substring(0, eol);
  }

  /**
   * @param referenced whether something in the scan names the file, so that it is a policy input
   *     whatever its content
   */
  private Optional<SourceFile> read(Path file, String name, boolean referenced, Sink sink) {
    ReadScope.Access access = scope.check(file);
    switch (access.verdict()) {
      case OUTSIDE:
        throw new ReadRefused(name);
      case SPECIAL:
        sink.notifications().add(skipped(name, "not a regular file (a FIFO, device or socket), not opened"));
        return Optional.empty();
      case READ:
        break;
      default:
        return Optional.empty();
    }
    long max = name.toLowerCase(Locale.ROOT).endsWith(".json") ? MAX_JSON_FILE_BYTES : MAX_FILE_BYTES;
    try {
      if (Files.size(access.real()) > max) {
        return unreadable(name, referenced, readAtMost(access.real(), PolicyInputSignal.HEAD_BYTES), tooLarge(name, max),
            sink);
      }
      byte[] bytes = readAtMost(access.real(), max + 1); // bounded even if the file grows meanwhile
      if (bytes.length > max) {
        return unreadable(name, referenced, bytes, tooLarge(name, max), sink);
      }
      int bad = firstBadByte(bytes);
      if (bad >= 0) {
        return unreadable(name, referenced, bytes, badByte(name, bytes, bad), sink);
      }
      // Validated above, so nothing is replaced; the String constructor decodes without the
      // intermediate char buffer, which for a large account dump is twice the file's size.
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1); // a UTF-8 byte order mark is not content
      }
      return Optional.of(new SourceFile(file, name, text));
    } catch (IOException e) {
      sink.notifications().add(skipped(name, "cannot be read (" + e.getClass().getSimpleName() + ")"));
      return Optional.empty();
    }
  }

  /** A policy input that cannot be read as text is a problem; any other file is skipped silently. */
  private static Optional<SourceFile> unreadable(
      String name, boolean referenced, byte[] head, InputProblem problem, Sink sink) {
    int n = Math.min(head.length, PolicyInputSignal.HEAD_BYTES);
    if (referenced || PolicyInputSignal.claims(name, new String(head, 0, n, StandardCharsets.ISO_8859_1))) {
      sink.problems().add(problem);
    } else {
      sink.notPolicyInputs().add(name);
    }
    return Optional.empty();
  }

  private static InputProblem tooLarge(String name, long max) {
    return new InputProblem(Span.fileStart(name),
        "The file is larger than " + (max >> 20) + " MB, the limit for one input file; it is not checked.");
  }

  /** The problem at the first byte that is not UTF-8 text, with its line and column. */
  private static InputProblem badByte(String name, byte[] bytes, int offset) {
    String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
    if (before.startsWith("\uFEFF")) {
      before = before.substring(1);
    }
    Span at = new SourceFile(null, name, before).pointAt(before.length());
    String what = bytes[offset] == 0
        ? "a NUL byte (binary content)"
        : String.format("the byte 0x%02X, which is not valid UTF-8", bytes[offset] & 0xFF);
    return new InputProblem(at, "The file holds " + what + " here: an input must be UTF-8 text; it is not checked.");
  }

  /** The offset of the first NUL byte or invalid UTF-8 sequence, or -1; decodes in small chunks. */
  static int firstBadByte(byte[] bytes) {
    int nul = -1;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        nul = i;
        break;
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, nul < 0 ? bytes.length : nul);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isError()) {
        return in.position();
      }
      if (r.isUnderflow()) {
        break;
      }
      out.clear();
    }
    out.clear();
    if (decoder.flush(out).isError()) {
      return in.position();
    }
    return nul;
  }

  private static byte[] readAtMost(Path file, long max) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 16));
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

  /** The name reports show: relative to the root when inside it, elements joined with "/". */
  String name(Path abs) {
    return name(root, abs.toAbsolutePath().normalize());
  }

  /** {@link #name(Path)} for a normalized absolute root and path. */
  static String name(Path root, Path abs) {
    return FileNames.relative(root, abs);
  }
}
