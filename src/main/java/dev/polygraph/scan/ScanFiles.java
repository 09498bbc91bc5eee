package dev.polygraph.scan;

import dev.polygraph.finding.Level;
import dev.polygraph.report.Notification;
import dev.polygraph.source.ReadRefused;
import dev.polygraph.source.SourceFile;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The scan's files by path, for what loaders read besides the discovered files (a script's {@code
 * file://}, Terraform's {@code file()} and module directories, the config's role files): each read
 * once, through {@link Discovery} and so through the scan's read scope. A read the scope refuses
 * throws {@link ReadRefused} for the loader to turn into an unknown or a problem, and is said once
 * as a notification naming the path, never its content.
 */
final class ScanFiles {

  private final Path root;
  private final Discovery discovery;
  private final Map<String, SourceFile> files;
  private final Discovery.Sink sink;
  private final TreeSet<String> refused = new TreeSet<>();

  /** @param files the scan's files by name; files read here are added */
  ScanFiles(Path root, Discovery discovery, Map<String, SourceFile> files, Discovery.Sink sink) {
    this.root = root.toAbsolutePath().normalize();
    this.discovery = discovery;
    this.files = files;
    this.sink = sink;
  }

  /**
   * The file at a path, read now if discovery did not; empty when there is none (missing, a
   * directory, not readable as text: then the sink has the problem).
   *
   * @throws ReadRefused when the path lies outside the scanned tree
   */
  Optional<SourceFile> at(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    // Discovered files are keyed by the name discovery gives a path, so one lookup finds them.
    SourceFile known = files.get(discovery.name(abs));
    if (known != null) {
      return Optional.of(known);
    }
    Optional<SourceFile> read;
    try {
      read = discovery.read(abs, sink);
    } catch (ReadRefused r) {
      refused.add(discovery.name(abs));
      throw r;
    }
    read.ifPresent(f -> files.put(f.name(), f));
    return read;
  }

  /** {@link #at} for a name relative to the scan root (how the Terraform loader names files). */
  Optional<SourceFile> named(String name) {
    Path path;
    try {
      path = root.resolve(name);
    } catch (InvalidPathException e) {
      return Optional.empty(); // a NUL in a file() argument, or a name the locale cannot encode
    }
    return at(path);
  }

  /** Whether a name relative to the scan root lies outside the scanned tree (said once, like a read). */
  boolean refuses(String name) {
    try {
      named(name);
      return false;
    } catch (ReadRefused r) {
      return true;
    }
  }

  /** One notification per refused path. */
  List<Notification> refusals() {
    List<Notification> out = new ArrayList<>();
    for (String name : refused) {
      out.add(new Notification(Level.WARNING, "Not read '" + name + "': it is outside the scanned tree"
          + " (polygraph reads only files under the scanned paths; --allow-outside widens them).", null));
    }
    return out;
  }
}
