package dev.polygraph.load.tf.module;

import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.load.tf.eval.TfJson;
import dev.polygraph.load.tf.hcl.Body;
import dev.polygraph.load.tf.hcl.HclFiles;
import dev.polygraph.load.tf.hcl.HclResult;
import dev.polygraph.policy.ManagedPolicies;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.ReadRefused;
import dev.polygraph.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/** What one {@link TerraformLoader#load} run shares between its module instances. */
public final class LoadRun {

  public final TfJson json = new TfJson();
  final VariableTypes types = new VariableTypes(json);
  final PolicyGraph.Builder out;
  public final List<InputProblem> problems = new ArrayList<>();
  public final Map<String, Body> bodies = new TreeMap<>();
  private final LinkedHashSet<InputProblem> notes = new LinkedHashSet<>();
  private final Function<String, Optional<SourceFile>> files;
  private final Map<String, List<SourceFile>> scanned;
  private final Path scanRoot;
  private final Map<String, Optional<TfModule>> modules = new HashMap<>();
  private final Map<String, ModuleSources> manifests = new HashMap<>();
  private final Map<String, String> refused = new HashMap<>();
  private ManagedPolicies managed;

  public LoadRun(Function<String, Optional<SourceFile>> files, List<SourceFile> tfFiles, PolicyGraph.Builder out) {
    this.files = files;
    this.out = out;
    Map<String, List<SourceFile>> byDir = new TreeMap<>();
    for (SourceFile file : tfFiles) {
      byDir.computeIfAbsent(ModulePaths.dirOf(file.name()), d -> new ArrayList<>()).add(file);
    }
    byDir.values().forEach(list -> list.sort(java.util.Comparator.comparing(SourceFile::name)));
    this.scanned = byDir;
    this.scanRoot = tfFiles.stream().map(LoadRun::scanRootOf).filter(p -> p != null).findFirst().orElse(null);
  }

  /** The directories holding scanned .tf files, sorted. */
  public List<String> scannedDirs() {
    return new ArrayList<>(scanned.keySet());
  }

  /** The module in a directory; empty when it holds no readable .tf file. */
  public Optional<TfModule> module(String dir) {
    Optional<TfModule> known = modules.get(dir);
    if (known != null) {
      return known;
    }
    List<SourceFile> sources = scanned.containsKey(dir) ? scanned.get(dir) : unscanned(dir);
    List<Body> parsed = new ArrayList<>();
    for (SourceFile source : sources) {
      HclResult result = HclFiles.parse(source);
      problems.addAll(result.problems());
      bodies.put(source.name(), result.body());
      parsed.add(result.body());
    }
    Optional<TfModule> module = sources.isEmpty() ? Optional.empty() : Optional.of(TfModule.of(dir, parsed, problems));
    modules.put(dir, module);
    return module;
  }

  ModuleSources installed(String rootDir) {
    return manifests.computeIfAbsent(rootDir, d -> ModuleSources.of(d, inScope(ModuleSources.manifest(d))));
  }

  /** Why a module directory was not read, when the scan may not read it. */
  Optional<String> refusal(String dir) {
    return Optional.ofNullable(refused.get(dir));
  }

  /** A file by name; empty too when the scan may not read it (the lookup says so once). */
  private Optional<SourceFile> inScope(String name) {
    try {
      return files.apply(name);
    } catch (ReadRefused r) {
      return Optional.empty();
    }
  }

  Optional<SourceFile> file(String name) {
    return files.apply(name);
  }

  /** Said once, however many module instances meet it. */
  void note(InputProblem note) {
    notes.add(note);
  }

  public List<InputProblem> notes() {
    return List.copyOf(notes);
  }

  ManagedPolicies managedPolicies() {
    if (managed == null) {
      managed = ManagedPolicies.load();
    }
    return managed;
  }

  /**
   * The .tf files of a directory the scan did not cover (a called module, an installed one): listed
   * on disk, read through the scan's file access so names stay relative to the scan root. A
   * directory outside the scanned tree is not listed, and {@link #refusal} says so.
   */
  private List<SourceFile> unscanned(String dir) {
    // A directory outside the scan root is named by its absolute path.
    Path path;
    try {
      path = dir.startsWith("/") ? Path.of(dir)
          : scanRoot == null ? null : scanRoot.resolve(dir.isEmpty() ? "." : dir).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      return List.of();
    }
    if (path == null || !Files.isDirectory(path)) {
      return List.of();
    }
    try {
      files.apply(dir); // the scan's lookup refuses a directory outside the scanned tree: never listed
    } catch (ReadRefused r) {
      refused.put(dir, r.getMessage());
      return List.of();
    }
    List<SourceFile> out = new ArrayList<>();
    try (Stream<Path> entries = Files.list(path)) {
      entries.map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".tf"))
          .sorted()
          .forEach(name -> inScope(ModulePaths.file(dir, name)).ifPresent(out::add));
    } catch (IOException | java.io.UncheckedIOException e) {
      return List.of();
    }
    return out;
  }

  /** The scan root a file's path and name imply: its path with as many parts removed as its name has. */
  private static Path scanRootOf(SourceFile file) {
    if (file.path() == null || file.name().startsWith("/")) {
      return null;
    }
    Path root = file.path().toAbsolutePath().normalize();
    for (String part : file.name().split("/")) {
      if (root == null || part.equals("..")) {
        return null;
      }
      root = root.getParent();
    }
    return root;
  }
}
