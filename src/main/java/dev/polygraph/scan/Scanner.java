package dev.polygraph.scan;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.link.LinkedGraph;
import dev.polygraph.link.Linker;
import dev.polygraph.load.cfn.CfnFormat;
import dev.polygraph.load.cfn.CfnGraphBuilder;
import dev.polygraph.load.cfn.CfnOptions;
import dev.polygraph.load.cfn.CfnTemplate;
import dev.polygraph.load.sh.ScriptLayout;
import dev.polygraph.load.sh.ShellFormat;
import dev.polygraph.load.sh.ShellGraphBuilder;
import dev.polygraph.load.iam.IamFormat;
import dev.polygraph.load.iam.IamLoader;
import dev.polygraph.load.tf.hcl.Body;
import dev.polygraph.load.tf.hcl.HclLayout;
import dev.polygraph.load.tf.TerraformLoader;
import dev.polygraph.load.tf.TfOptions;
import dev.polygraph.policy.ManagedPolicies;
import dev.polygraph.policy.PolicyEvaluator;
import dev.polygraph.report.Notification;
import dev.polygraph.report.ScanReport;
import dev.polygraph.report.Triage;
import dev.polygraph.rules.Catalogue;
import dev.polygraph.rules.Rule;
import dev.polygraph.rules.RuleContext;
import dev.polygraph.rules.RuleMeta;
import dev.polygraph.rules.RuleMetadata;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.ReadScope;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.suppress.ExternalIgnore;
import dev.polygraph.suppress.SuppressionSource;
import dev.polygraph.suppress.Suppressor;
import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.TreeResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pipeline of one scan: discover → load → graph → rules → sorted findings. Stateless between
 * scans; one instance per set of options.
 */
public final class Scanner {

  /** The order of findings in every report: by place, then rule, then message. */
  static final Comparator<Finding> FINDING_ORDER =
      Comparator.comparing((Finding f) -> f.location().span())
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::message)
          .thenComparing(Finding::fingerprint);

  private final ScanOptions options;
  private final String toolVersion;
  private final List<ExternalIgnore> ignores;
  private final List<Path> allowed;

  public Scanner(ScanOptions options) {
    this(options, Version.current(), List.of(), List.of());
  }

  Scanner(ScanOptions options, String toolVersion) {
    this(options, toolVersion, List.of(), List.of());
  }

  private Scanner(ScanOptions options, String toolVersion, List<ExternalIgnore> ignores, List<Path> allowed) {
    this.options = options;
    this.toolVersion = toolVersion;
    this.ignores = List.copyOf(ignores);
    this.allowed = List.copyOf(allowed);
  }

  /** The same scanner, with the config's {@code ignore:} entries. */
  public Scanner withIgnores(List<ExternalIgnore> configIgnores) {
    return new Scanner(options, toolVersion, configIgnores, allowed);
  }

  /**
   * The same scanner, allowed to read these files and directories too (the config file, {@code
   * --allow-outside}); without them it reads only files under the scanned paths.
   */
  public Scanner allowing(List<Path> more) {
    List<Path> all = new ArrayList<>(allowed);
    all.addAll(more);
    return new Scanner(options, toolVersion, ignores, all);
  }

  /** What a scan of these paths may read: under them, plus what {@link #allowing} adds. */
  public ReadScope readScope(List<Path> paths) {
    List<Path> extra = new ArrayList<>(allowed);
    // The config file that declares roles is read for their findings' snippets.
    options.roles().forEach(r -> extra.add(Path.of(r.span().file())));
    return ReadScope.of(paths, extra);
  }

  /**
   * Scans the given files and directories.
   *
   * @throws IOException when a given path does not exist or cannot be walked (usage error)
   */
  public ScanReport scan(List<Path> paths) throws IOException {
    Discovery discovery =
        new Discovery(options.root(), options.exclude(), Scanner::isCandidate, readScope(paths));
    Discovery.Result discovered = discovery.discover(paths);
    List<Notification> notifications = new ArrayList<>(discovered.notifications());

    List<InputProblem> problems = new ArrayList<>(discovered.problems());
    List<CfnTemplate> templates = new ArrayList<>();
    List<SourceFile> scripts = new ArrayList<>();
    Map<String, SourceFile> files = new LinkedHashMap<>();
    List<SuppressionSource> suppressionSources = new ArrayList<>();
    IamLoader iam = new IamLoader();
    List<SourceFile> tfFiles = new ArrayList<>();
    List<SourceFile> tfvarsFiles = new ArrayList<>();
    List<String> tfJsonFiles = new ArrayList<>();
    for (SourceFile file : discovered.files()) {
      try {
        String lower = file.name().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tf.json")) {
          tfJsonFiles.add(file.name());
          continue;
        }
        files.put(file.name(), file);
        if (lower.endsWith(".tf")) {
          tfFiles.add(file);
          continue;
        }
        if (lower.endsWith(".tfvars") || lower.endsWith(".tfvars.json")) {
          tfvarsFiles.add(file);
          continue;
        }
        if (ShellFormat.isScript(file)) {
          scripts.add(file);
          continue;
        }
        if (IamFormat.isAccountDump(file)) {
          iam.addAccountDump(file); // streamed: a dump is too large to hold as one tree
          continue;
        }
        TreeResult tree = CfnFormat.read(file);
        problems.addAll(tree.problems());
        boolean template = tree.root() instanceof MapNode map && CfnFormat.isTemplate(map);
        if (template) {
          templates.add(new CfnTemplate(file, (MapNode) tree.root()));
        } else if (IamFormat.isCandidate(file)) {
          iam.add(file, tree);
        }
        suppressionSources.add(SuppressionSource.yamlOrJson(file, tree.root(), template));
      } catch (OutOfMemoryError | StackOverflowError e) {
        // The file's trees are garbage now: it is a problem, and the other files are still checked.
        problems.add(exhausted(file.name(), e));
      }
    }
    Discovery.Sink referenced = Discovery.Sink.create();
    ScanFiles access = new ScanFiles(options.root(), discovery, files, referenced);
    iam.declare(options.roles(), access::at);

    PolicyGraph.Builder graph = PolicyGraph.builder();
    boolean complete = withinLimits("the CloudFormation templates", notifications,
        () -> new CfnGraphBuilder().build(templates, new CfnOptions(options.cfnParameters()), graph));
    // Files a script passes with file://, or the config names, are read once, like discovered ones.
    ShellGraphBuilder.Result shell =
        new ShellGraphBuilder(access::at).build(scripts, graph);
    problems.addAll(shell.problems());
    for (SourceFile script : scripts) {
      ScriptLayout layout = shell.layouts().get(script.name());
      suppressionSources.add(SuppressionSource.script(script, layout.commands(), layout.text()));
    }
    problems.addAll(iam.build(graph));
    if (!tfFiles.isEmpty() || !tfvarsFiles.isEmpty()) {
      complete &= withinLimits("the Terraform configurations", notifications,
          () -> terraform(tfFiles, tfvarsFiles, graph, access, files, problems, notifications, suppressionSources));
    }
    if (!tfJsonFiles.isEmpty()) {
      notifications.add(
          new Notification(
              Level.NOTE,
              "Terraform JSON syntax (.tf.json) is not read yet; skipped '" + String.join("', '", tfJsonFiles) + "'.",
              null));
    }
    problems.addAll(referenced.problems());
    notifications.addAll(referenced.notifications());
    notifications.addAll(access.refusals());
    // A JSON file both scanned and passed by a script is read twice; its problems count once.
    List<InputProblem> distinctProblems = List.copyOf(new LinkedHashSet<>(problems));

    List<Rule> rules = enabledRules();
    Map<String, RuleMeta> metas = new java.util.TreeMap<>();
    for (Rule rule : rules) {
      metas.put(rule.id(), RuleMetadata.load(rule.id()));
    }
    List<Finding> ruleFindings = new ArrayList<>();
    boolean successful =
        runRules(rules, metas, graph.build(), distinctProblems, ruleFindings, notifications) && complete;
    ruleFindings.removeIf(f -> !reportsOn(metas.get(f.ruleId()), f, shell.inputs()));

    Set<String> ran = Set.copyOf(metas.keySet());
    Suppressor suppressor =
        new Suppressor(
            ran,
            Set.copyOf(Catalogue.ids()),
            suppressionRule("POLY002", metas),
            suppressionRule("POLY003", metas),
            options.ruleSettings().levels());
    Suppressor.Outcome outcome = suppressor.apply(ruleFindings, suppressionSources, ignores);
    List<Finding> findings = new ArrayList<>(outcome.findings());
    findings.sort(FINDING_ORDER);
    notifications.addAll(outcome.notifications());
    notifications.sort(Comparator.comparing(Notification::message));
    return new ScanReport(
        toolVersion,
        findings,
        List.copyOf(metas.values()),
        files,
        notifications,
        files.size(),
        successful,
        options.root().toAbsolutePath().normalize().toUri().toString(),
        Triage.NONE.withSuppressions(outcome.suppressions()));
  }

  /** Loads the Terraform configurations the files belong to; only called when there are any. */
  private void terraform(
      List<SourceFile> tfFiles,
      List<SourceFile> tfvarsFiles,
      PolicyGraph.Builder graph,
      ScanFiles access,
      Map<String, SourceFile> files,
      List<InputProblem> problems,
      List<Notification> notifications,
      List<SuppressionSource> suppressionSources) {
    TerraformLoader.Result tf =
        new TerraformLoader(readableVarFiles(access), access::named).load(tfFiles, tfvarsFiles, graph);
    problems.addAll(tf.problems());
    for (InputProblem note : tf.notes()) {
      notifications.add(new Notification(Level.NOTE, note.message(), note.span()));
    }
    for (Map.Entry<String, Body> e : new java.util.TreeMap<>(tf.bodies()).entrySet()) {
      SourceFile file = files.get(e.getKey());
      if (file != null) {
        HclLayout layout = HclLayout.of(e.getValue());
        suppressionSources.add(SuppressionSource.hcl(file, layout.blocks(), layout.text()));
      }
    }
  }

  /** The metadata of a rule of the suppress stage when it is enabled (then also listed in the report). */
  private Optional<RuleMeta> suppressionRule(String id, Map<String, RuleMeta> metas) {
    if (!enabled(id)) {
      return Optional.empty();
    }
    RuleMeta meta = RuleMetadata.load(id);
    metas.put(id, meta);
    return Optional.of(meta);
  }

  private boolean enabled(String id) {
    return (options.enabledRules().isEmpty() || options.enabledRules().contains(id))
        && !options.skippedRules().contains(id);
  }

  /** A file whose reading ran out of memory or stack: a problem at its start. */
  private static InputProblem exhausted(String file, VirtualMachineError e) {
    return new InputProblem(Span.fileStart(file),
        "The file could not be read within polygraph's limits (" + e.getClass().getSimpleName() + "); it is not checked.");
  }

  /**
   * Runs one loading stage; when it runs out of memory or stack the rest of the scan still runs and
   * reports (the run is then not successful, exit code 2), with a notification naming the stage.
   */
  private static boolean withinLimits(String what, List<Notification> notifications, Runnable stage) {
    try {
      stage.run();
      return true;
    } catch (OutOfMemoryError | StackOverflowError e) {
      notifications.add(new Notification(Level.ERROR, "Reading " + what + " ran out of "
          + (e instanceof OutOfMemoryError ? "memory" : "stack") + " (" + e.getClass().getSimpleName()
          + "); their findings are missing from this report.", null));
      return false;
    }
  }

  /** The Terraform options without the variable files outside the scanned tree (each said once). */
  private TfOptions readableVarFiles(ScanFiles access) {
    List<String> kept = new ArrayList<>();
    for (String name : options.terraform().varFiles()) {
      if (!access.refuses(name)) {
        kept.add(name);
      }
    }
    return new TfOptions(kept, options.terraform().vars());
  }

  private boolean runRules(
      List<Rule> rules,
      Map<String, RuleMeta> metas,
      PolicyGraph graph,
      List<InputProblem> problems,
      List<Finding> findings,
      List<Notification> notifications) {
    ManagedPolicies managed = ManagedPolicies.load();
    PolicyEvaluator evaluator = new PolicyEvaluator(partition());
    LinkedGraph linked = Linker.link(graph, options.ruleSettings().link(), managed, evaluator);
    boolean successful = true;
    for (Rule rule : rules) {
      List<Finding> ruleFindings = new ArrayList<>();
      RuleContext context =
          new RuleContext(
              metas.get(rule.id()),
              linked,
              options.ruleSettings(),
              managed,
              evaluator,
              problems,
              ruleFindings::add);
      try {
        rule.check(context);
        findings.addAll(ruleFindings);
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        // A crashing rule must not take the other rules' findings with it (cfn-lint's E0002).
        successful = false;
        notifications.add(
            new Notification(
                Level.ERROR,
                "Rule " + rule.id() + " failed with an internal error: " + e + ". Please report it.",
                null));
      }
    }
    return successful;
  }

  /** Files worth reading: templates, scripts by extension, and extension-less files with a shell shebang. */
  static boolean isCandidate(Path path) {
    String name = path.getFileName().toString();
    return CfnFormat.isCandidate(name)
        || isTerraform(name)
        || ShellFormat.hasScriptExtension(name)
        || (ShellFormat.mayHaveShebang(name) && ShellFormat.isShebang(Discovery.firstLine(path)));
  }

  /** Terraform files, variable files, and JSON-syntax files (skipped with a note). */
  private static boolean isTerraform(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    return name.endsWith(".tf") || name.endsWith(".tfvars") || name.endsWith(".tfvars.json")
        || name.endsWith(".tf.json");
  }

  /**
   * Whether a finding is reported: in shell scripts (and the files they pass to the CLI) only rules
   * that list the {@code sh} format speak. EKS010 does not: a CLI script runs against one account,
   * and the partition it names is the one the operator runs it in (see docs/shell-scripts.md).
   */
  private static boolean reportsOn(RuleMeta meta, Finding finding, Set<String> shellInputs) {
    return meta == null
        || !shellInputs.contains(finding.location().span().file())
        || meta.formats().contains(ShellFormat.FORMAT);
  }

  private String partition() {
    return options.cfnParameters().getOrDefault("AWS::Partition", "aws");
  }

  List<Rule> enabledRules() {
    List<Rule> out = new ArrayList<>();
    for (Rule rule : Catalogue.all()) {
      if (enabled(rule.id())) {
        out.add(rule);
      }
    }
    return out;
  }
}
