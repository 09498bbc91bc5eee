package dev.polygraph.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one gate for every file polygraph reads: regular files whose real path (symbolic links
 * resolved) lies under a scan root, plus single files let in by name (the config file, what {@code
 * --allow-outside} names). polygraph runs on strangers' pull requests: a {@code file("../x")}, a
 * module source, a config entry or a link must never make it read, and so print, a file elsewhere on
 * the machine.
 */
public final class ReadScope {

  /** The reason a refused read gives, in unknowns, notifications and problems. */
  public static final String OUTSIDE = "outside the scanned tree";

  /** What {@link #check} found. */
  public enum Verdict {
    /** A regular file inside the scope: read it at {@link Access#real()}. */
    READ,
    /** The path resolves outside the scope: never read, never listed. */
    OUTSIDE,
    /** A directory inside the scope. */
    DIRECTORY,
    /** A FIFO, device or socket inside the scope: never opened (a FIFO would block the scan). */
    SPECIAL,
    /** Nothing there, a broken link, or a path that cannot be resolved. */
    MISSING
  }

  /** The verdict on a path, and the real path it resolved to (null when missing). */
  public record Access(Verdict verdict, Path real) {}

  private static final Set<String> VERSION_CONTROL = Set.of(".git", ".hg", ".svn");

  private final List<Path> roots;
  private final Set<Path> files;

  private ReadScope(List<Path> roots, Set<Path> files) {
    this.roots = List.copyOf(roots);
    this.files = Set.copyOf(files);
  }

  /**
   * @param scanned the paths given to scan: a directory is a root; a file makes its directory one
   *     (Terraform reads a module as a directory, a script passes the files beside it)
   * @param allowed more that may be read: a directory is a root, a file is let in alone (the config
   *     file, {@code --allow-outside}); paths that do not exist are left out
   */
  public static ReadScope of(List<Path> scanned, List<Path> allowed) {
    List<Path> roots = new ArrayList<>();
    Set<Path> files = new LinkedHashSet<>();
    for (Path p : scanned) {
      rootOf(p).ifPresent(roots::add);
    }
    for (Path p : allowed) {
      real(p).ifPresent(r -> {
        if (Files.isDirectory(r)) {
          roots.add(r);
        } else {
          files.add(r);
        }
      });
    }
    return new ReadScope(roots, files);
  }

  /**
   * The root a path given to scan makes: a directory's real path, a file's directory. A directory
   * given through a symbolic link that leaves its own parent directory makes none: a pull request
   * that turns {@code infra/} into a link to {@code /} must not make polygraph scan the machine.
   */
  public static java.util.Optional<Path> rootOf(Path scanned) {
    Path abs = scanned.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    if (!Files.isDirectory(abs)) {
      return parent == null ? java.util.Optional.empty() : real(parent);
    }
    java.util.Optional<Path> real = real(abs);
    if (parent == null || real.isEmpty()) {
      return real;
    }
    java.util.Optional<Path> realParent = real(parent);
    return realParent.isPresent() && real.get().startsWith(realParent.get()) ? real : java.util.Optional.empty();
  }

  /**
   * Whether a real path lies inside the scope. A version-control directory under a root is not
   * part of the scanned tree: {@code .git/config} may hold the token of the CI's checkout.
   */
  public boolean contains(Path real) {
    if (files.contains(real)) {
      return true;
    }
    for (Path root : roots) {
      if (real.startsWith(root) && !inVersionControl(root.relativize(real))) {
        return true;
      }
    }
    return false;
  }

  private static boolean inVersionControl(Path relative) {
    for (Path part : relative) {
      if (VERSION_CONTROL.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  /**
   * What may be done with a path: resolved (links followed, nothing opened), then judged. A file
   * whose real path lies outside is {@link Verdict#OUTSIDE} even when its name looks inside.
   */
  public Access check(Path path) {
    Path real;
    try {
      real = path.toAbsolutePath().normalize().toRealPath();
    } catch (IOException | InvalidPathException | SecurityException e) {
      return new Access(Verdict.MISSING, null);
    }
    if (!contains(real)) {
      return new Access(Verdict.OUTSIDE, real);
    }
    try {
      BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class);
      Verdict v = attrs.isRegularFile() ? Verdict.READ : attrs.isDirectory() ? Verdict.DIRECTORY : Verdict.SPECIAL;
      return new Access(v, real);
    } catch (NoSuchFileException e) {
      return new Access(Verdict.MISSING, null);
    } catch (IOException | SecurityException e) {
      return new Access(Verdict.MISSING, null);
    }
  }

  private static java.util.Optional<Path> real(Path p) {
    try {
      return java.util.Optional.of(p.toAbsolutePath().normalize().toRealPath());
    } catch (IOException | InvalidPathException | SecurityException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "ReadScope" + roots + files;
  }
}
