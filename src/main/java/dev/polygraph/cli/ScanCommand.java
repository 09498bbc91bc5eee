package dev.polygraph.cli;

import dev.polygraph.config.Config;
import dev.polygraph.config.ConfigException;
import dev.polygraph.config.ConfigLoader;
import dev.polygraph.config.ConfigYaml;
import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.report.Reporter;
import dev.polygraph.report.ScanReport;
import dev.polygraph.report.json.JsonReporter;
import dev.polygraph.report.sarif.SarifReporter;
import dev.polygraph.report.text.TextReporter;
import dev.polygraph.rules.Catalogue;
import dev.polygraph.rules.RuleSettings;
import dev.polygraph.scan.PolicyInputSignal;
import dev.polygraph.scan.ReportScope;
import dev.polygraph.load.tf.TfOptions;
import dev.polygraph.scan.ScanOptions;
import dev.polygraph.scan.Scanner;
import dev.polygraph.suppress.Baseline;
import dev.polygraph.suppress.BaselineException;
import dev.polygraph.source.ReadScope;
import dev.polygraph.suppress.ExternalIgnore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Scan files and directories for EKS node-role problems.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no finding at or above --fail-on",
      "1:findings at or above --fail-on (an unparseable input counts: POLY001)",
      "2:bad usage, no readable input, or an internal error"
    })
final class ScanCommand implements Callable<Integer> {

  enum Format {
    text,
    sarif,
    json
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", description = "Files and directories to scan (default: .).")
  List<Path> paths = new ArrayList<>();

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "text, sarif or json; repeatable (default: text).")
  List<Format> formats = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Where sarif/json output goes (default: stdout); give one per sarif/json format, in order.")
  List<Path> outputs = new ArrayList<>();

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
      description = "Lowest level that makes the exit code 1: error, warning, note or none (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Option(names = "--rules", split = ",", paramLabel = "ID", description = "Run only these rules.")
  List<String> rules = new ArrayList<>();

  @Option(names = "--skip-rules", split = ",", paramLabel = "ID", description = "Do not run these rules.")
  List<String> skipRules = new ArrayList<>();

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Config file (default: .polygraph.yaml found from the first PATH upward).")
  Path config;

  @Option(names = "--ip-family", paramLabel = "FAMILY",
      description = "ipv4 or ipv6: the IP family of clusters the scan cannot see.")
  String ipFamily;

  @Option(names = "--cfn-param", paramLabel = "KEY=VALUE",
      description = "A CloudFormation parameter value; pseudo parameters too (AWS::Partition=aws-cn).")
  Map<String, String> cfnParams = new LinkedHashMap<>();

  @Option(names = "--tf-var-file", paramLabel = "FILE",
      description = "A Terraform .tfvars file for the root modules (repeatable; after the config's var-files).")
  List<Path> tfVarFiles = new ArrayList<>();

  @Option(names = "--tf-var", paramLabel = "NAME=VALUE",
      description = "A Terraform variable value for the root modules, as terraform's -var takes it (repeatable).")
  Map<String, String> tfVars = new LinkedHashMap<>();

  @Option(names = "--report-undecided",
      description = "Also report checks that could not be decided (as notes of kind 'open').")
  boolean reportUndecided;

  @Option(names = "--report-only", arity = "1..*", paramLabel = "FILE",
      description = "Scan everything, but report only findings located in, or related to, these files "
          + "(for pre-commit hooks; give it last).")
  List<Path> reportOnly = new ArrayList<>();

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  @Option(names = "--baseline", paramLabel = "FILE.sarif",
      description = "An earlier run's SARIF: only results not in it (baselineState 'new') count for the exit code.")
  Path baseline;

  @Option(names = "--show-suppressed",
      description = "Text output: also print suppressed findings, marked with their reason.")
  boolean showSuppressed;

  @Option(names = "--allow-outside", paramLabel = "PATH",
      description = "Also let polygraph read this file or directory outside the scanned paths (shared "
          + "policies, var files, modules kept elsewhere); repeatable.")
  List<Path> allowOutside = new ArrayList<>();

  @Option(names = "--print-config",
      description = "Print the effective configuration (config file and flags merged) as YAML and exit.")
  boolean printConfig;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      List<Path> targets = paths.isEmpty() ? List.of(Path.of(".")) : paths;
      Config cfg = loadConfig(targets.get(0));
      ScanOptions options = options(cfg);
      if (printConfig) {
        out.println(cfg.file().map(f -> "# from " + f + " and the command line")
            .orElse("# no " + ConfigLoader.FILE_NAME + " found; built-in defaults and the command line"));
        if (!rules.isEmpty()) {
          out.println("# --rules " + String.join(",", rules) + " (a command-line option only)");
        }
        out.print(ConfigYaml.render(cfg.withFlags(skipRules, Optional.ofNullable(ipFamily).map(
            f -> f.toLowerCase(Locale.ROOT)), cfnParams).withTerraformFlags(tfVarFiles, tfVars)));
        out.flush();
        return Main.EXIT_OK;
      }
      for (Path f : cfg.withTerraformFlags(tfVarFiles, tfVars).tfVarFiles()) {
        if (!Files.isRegularFile(f)) {
          throw usage("the variable file '" + f + "' does not exist or is not a file");
        }
      }
      List<Path> allowed = allowed(cfg);
      ReadScope scope = new Scanner(options).allowing(allowed).readScope(targets);
      checkVarFilesInScope(cfg, scope);
      Baseline earlier = readBaseline();
      Level threshold = level(failOn, "--fail-on", true);
      List<Format> wanted = formats.isEmpty() ? List.of(Format.text) : List.copyOf(new LinkedHashSet<>(formats));
      List<Format> machine = wanted.stream().filter(f -> f != Format.text).toList();
      if (!outputs.isEmpty() && outputs.size() != machine.size()) {
        throw usage("give one --output per sarif/json format (" + machine.size() + " requested, "
            + outputs.size() + " given)");
      }
      if (outputs.isEmpty() && machine.size() > 1) {
        throw usage("sarif and json cannot both go to stdout: give --output for each");
      }
      if (outputs.isEmpty() && !machine.isEmpty() && wanted.contains(Format.text)) {
        throw usage("text and " + machine.get(0) + " cannot both go to stdout: give --output for " + machine.get(0));
      }
      checkOutputs(targets, cfg, scope);

      ScanReport report;
      try {
        report = new Scanner(options).withIgnores(ignores(cfg)).allowing(allowed).scan(targets);
        if (!reportOnly.isEmpty()) {
          report = ReportScope.only(report, options.root(), reportOnly);
        }
      } catch (IOException e) {
        err.println("polygraph: " + e.getMessage());
        return Main.EXIT_ERROR;
      }
      if (earlier != null) {
        report = earlier.compare(report);
      }

      if (!writeReports(report, wanted, machine, out, err)) {
        return Main.EXIT_ERROR;
      }
      if (!report.executionSuccessful()) {
        err.println("polygraph: the scan did not complete (see the report's notifications); its findings are partial");
        return Main.EXIT_ERROR;
      }
      return counts(report, threshold) ? Main.EXIT_FINDINGS : Main.EXIT_OK;
    } catch (UsageException e) {
      err.println("polygraph: " + e.getMessage());
      return Main.EXIT_ERROR;
    }
  }

  /**
   * Writes every report; false, with one line on stderr, when a write fails (a closed or full
   * stdout, an unwritable file): a report that did not arrive must not pass as a clean run.
   */
  private boolean writeReports(
      ScanReport report, List<Format> wanted, List<Format> machine, PrintWriter out, PrintWriter err) {
    for (Format f : wanted) {
      int i = machine.indexOf(f);
      if (i >= 0 && !outputs.isEmpty()) {
        Path target = outputs.get(i);
        try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
          reporter(f).write(report, w);
        } catch (IOException | java.io.UncheckedIOException e) {
          err.println("polygraph: cannot write '" + target + "': " + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
          return false;
        }
      } else {
        try {
          reporter(f).write(report, out);
        } catch (IOException e) {
          // PrintWriter reports through checkError() below
        }
        out.flush();
        if (out.checkError()) {
          err.println("polygraph: cannot write the " + f + " report to standard output (closed or full)");
          return false;
        }
      }
    }
    return true;
  }

  /** What the scan may read besides the scanned paths: the config file and --allow-outside. */
  private List<Path> allowed(Config cfg) throws UsageException {
    List<Path> allowed = new ArrayList<>();
    cfg.file().ifPresent(allowed::add);
    for (Path p : allowOutside) {
      if (!Files.exists(p)) {
        throw usage("--allow-outside: no such file or directory: " + p);
      }
      allowed.add(p);
    }
    return allowed;
  }

  /** Variable files, from the config or the command line, are read only inside the scope. */
  private void checkVarFilesInScope(Config cfg, ReadScope scope) throws UsageException {
    for (Path f : cfg.withTerraformFlags(tfVarFiles, tfVars).tfVarFiles()) {
      if (scope.check(f).verdict() == ReadScope.Verdict.OUTSIDE) {
        String from = cfg.tfVarFiles().contains(f)
            ? " (terraform.var-files in " + cfg.file().map(Path::toString).orElse("the config") + ")" : "";
        throw usage("the variable file '" + f + "'" + from + " is " + ReadScope.OUTSIDE
            + ": polygraph reads only files under the scanned paths; --allow-outside PATH widens them");
      }
    }
  }

  /**
   * An output must not overwrite an input (a template named with -o, the config) and two outputs
   * must not be one file (the first report would be lost).
   */
  private void checkOutputs(List<Path> targets, Config cfg, ReadScope scope) throws UsageException {
    Set<Path> seen = new java.util.HashSet<>();
    Set<Path> inputs = new java.util.HashSet<>();
    for (Path t : targets) {
      realPath(t).ifPresent(inputs::add);
    }
    cfg.file().flatMap(ScanCommand::realPath).ifPresent(inputs::add);
    for (Path o : outputs) {
      Path same = realPath(o).orElse(o.toAbsolutePath().normalize());
      if (!seen.add(same)) {
        throw usage("the output '" + o + "' is given twice: each --output must be a different file");
      }
      if (inputs.contains(same) || isPolicyInput(o, scope)) {
        throw usage("the output '" + o + "' is an input of the scan: polygraph does not overwrite its inputs");
      }
    }
  }

  /** Whether a file the scan would read holds a policy input (what the scan would read it as). */
  private static boolean isPolicyInput(Path file, ReadScope scope) {
    ReadScope.Access access = scope.check(file);
    if (access.verdict() != ReadScope.Verdict.READ) {
      return false;
    }
    try (java.io.InputStream in = Files.newInputStream(access.real())) {
      byte[] head = in.readNBytes(PolicyInputSignal.HEAD_BYTES);
      return PolicyInputSignal.claims(file.getFileName().toString(), new String(head, StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      return false;
    }
  }

  private static Optional<Path> realPath(Path p) {
    try {
      return Optional.of(p.toRealPath());
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  private static boolean counts(ScanReport report, Level threshold) {
    for (Finding f : report.findings()) {
      if (f.kind() == Finding.Kind.FAIL && f.level().atLeast(threshold) && report.triage().counts(f)) {
        return true;
      }
    }
    return false;
  }

  private Baseline readBaseline() throws UsageException {
    if (baseline == null) {
      return null;
    }
    try {
      return Baseline.read(baseline);
    } catch (BaselineException e) {
      throw usage("invalid baseline: " + e.getMessage());
    }
  }

  private static List<ExternalIgnore> ignores(Config cfg) {
    return cfg.ignore().stream().map(i -> new ExternalIgnore(i.path(), i.rule(), i.reason())).toList();
  }

  private Config loadConfig(Path firstPath) throws UsageException {
    Optional<Path> file = config != null ? Optional.of(config) : ConfigLoader.find(firstPath);
    if (file.isEmpty()) {
      return Config.EMPTY;
    }
    if (config != null && !Files.isRegularFile(config)) {
      throw new UsageException("config file not found: " + config);
    }
    try {
      return ConfigLoader.load(file.get());
    } catch (ConfigException e) {
      throw new UsageException("invalid config: " + e.getMessage());
    }
  }

  private ScanOptions options(Config cfg) throws UsageException {
    Set<String> known = new LinkedHashSet<>(Catalogue.ids());
    checkIds(rules, known, "--rules");
    checkIds(skipRules, known, "--skip-rules");
    checkIds(cfg.skipRules(), known, "rules.skip in the config");
    checkIds(List.copyOf(cfg.ruleLevels().keySet()), known, "rules.level in the config");
    checkIds(cfg.ignore().stream().map(Config.Ignore::rule).toList(), known, "ignore in the config");

    Set<String> skipped = new LinkedHashSet<>(cfg.skipRules());
    skipped.addAll(skipRules);
    Optional<String> family = cfg.ipFamily();
    if (ipFamily != null) {
      String f = ipFamily.toLowerCase(Locale.ROOT);
      if (!f.equals("ipv4") && !f.equals("ipv6")) {
        throw usage("--ip-family must be ipv4 or ipv6, not '" + ipFamily + "'");
      }
      family = Optional.of(f);
    }
    Map<String, String> params = new LinkedHashMap<>(cfg.cfnParameters());
    params.putAll(cfnParams);
    RuleSettings settings =
        new RuleSettings(family, cfg.cniRole(), cfg.nodeRoles(), cfg.ruleLevels(), reportUndecided);
    Path root = Path.of("").toAbsolutePath();
    Config tf = cfg.withTerraformFlags(tfVarFiles, tfVars);
    List<String> varFiles = new ArrayList<>();
    for (Path f : tf.tfVarFiles()) {
      // The loader reads files by their path relative to the scan root, as discovery names them.
      varFiles.add(root.relativize(f).toString().replace('\\', '/'));
    }
    return new ScanOptions(
        root, Set.copyOf(rules), skipped, settings, params, cfg.exclude(), cfg.roles(),
        new TfOptions(varFiles, tf.tfVars()));
  }

  private void checkIds(List<String> ids, Set<String> known, String where) throws UsageException {
    for (String id : ids) {
      if (!known.contains(id)) {
        throw usage("unknown rule '" + id + "' in " + where + "; known rules: " + String.join(", ", known));
      }
    }
  }

  private Level level(String s, String option, boolean allowNone) throws UsageException {
    try {
      Level l = Level.parse(s);
      if (l == Level.NONE && !allowNone) {
        throw new IllegalArgumentException();
      }
      return l;
    } catch (IllegalArgumentException e) {
      throw usage(option + " must be error, warning, note or none, not '" + s + "'");
    }
  }

  private Reporter reporter(Format f) {
    return switch (f) {
      case text -> new TextReporter(showSuppressed);
      case sarif -> new SarifReporter();
      case json -> new JsonReporter();
    };
  }

  private static UsageException usage(String message) {
    return new UsageException(message);
  }

  /** A mistake in how polygraph was called: exit code 2 with a one-line message. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
