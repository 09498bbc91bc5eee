package dev.polygraph.config;

import dev.polygraph.finding.Level;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The contents of {@code .polygraph.yaml} (DESIGN §6), validated. Every key is optional.
 *
 * @param file where it was read from, or empty when no config file was found
 * @param ignore the {@code ignore:} entries: findings suppressed by path and rule, with a reason
 * @param roles roles declared under {@code roles:}, in the order written
 * @param tfVarFiles {@code terraform.var-files}, resolved against the config file's directory
 * @param tfVars {@code terraform.vars}: each value as {@code -var} takes it (a string as written,
 *     a list or map as an HCL expression)
 */
public record Config(
    Optional<Path> file,
    List<String> skipRules,
    Map<String, Level> ruleLevels,
    Optional<String> ipFamily,
    Optional<String> cniRole,
    List<String> nodeRoles,
    Map<String, String> cfnParameters,
    List<String> exclude,
    List<Ignore> ignore,
    List<RoleDeclaration> roles,
    List<Path> tfVarFiles,
    Map<String, String> tfVars) {

  public static final Config EMPTY =
      new Config(Optional.empty(), List.of(), Map.of(), Optional.empty(), Optional.empty(), List.of(), Map.of(),
          List.of(), List.of(), List.of());

  /** One {@code ignore:} entry: findings of {@code rule} in files matching the {@code path} glob. */
  public record Ignore(String path, String rule, String reason) {
    public Ignore {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(reason, "reason");
    }
  }

  public Config {
    skipRules = List.copyOf(skipRules);
    ruleLevels = Map.copyOf(ruleLevels);
    nodeRoles = List.copyOf(nodeRoles);
    cfnParameters = Map.copyOf(cfnParameters);
    exclude = List.copyOf(exclude);
    ignore = List.copyOf(ignore);
    roles = List.copyOf(roles);
    tfVarFiles = List.copyOf(tfVarFiles);
    tfVars = Collections.unmodifiableMap(new LinkedHashMap<>(tfVars));
  }

  /** A configuration that tells nothing about Terraform. */
  public Config(
      Optional<Path> file,
      List<String> skipRules,
      Map<String, Level> ruleLevels,
      Optional<String> ipFamily,
      Optional<String> cniRole,
      List<String> nodeRoles,
      Map<String, String> cfnParameters,
      List<String> exclude,
      List<Ignore> ignore,
      List<RoleDeclaration> roles) {
    this(file, skipRules, ruleLevels, ipFamily, cniRole, nodeRoles, cfnParameters, exclude, ignore, roles, List.of(),
        Map.of());
  }

  /**
   * The configuration in effect once the command line's flags are applied: skipped rules add up,
   * an IP family or parameter given as a flag wins.
   */
  public Config withFlags(List<String> moreSkips, Optional<String> flagIpFamily, Map<String, String> flagParameters) {
    LinkedHashSet<String> skips = new LinkedHashSet<>(skipRules);
    skips.addAll(moreSkips);
    Map<String, String> params = new LinkedHashMap<>(cfnParameters);
    params.putAll(flagParameters);
    return new Config(file, List.copyOf(skips), ruleLevels, flagIpFamily.or(() -> ipFamily), cniRole, nodeRoles,
        params, exclude, ignore, roles, tfVarFiles, tfVars);
  }

  /** The configuration once {@code --tf-var-file} (after the config's files) and {@code --tf-var} (winning) apply. */
  public Config withTerraformFlags(List<Path> flagVarFiles, Map<String, String> flagVars) {
    List<Path> files = new java.util.ArrayList<>(tfVarFiles);
    flagVarFiles.forEach(f -> files.add(f.toAbsolutePath().normalize()));
    Map<String, String> vars = new LinkedHashMap<>(tfVars);
    vars.putAll(flagVars);
    return new Config(file, skipRules, ruleLevels, ipFamily, cniRole, nodeRoles, cfnParameters, exclude, ignore, roles,
        files, vars);
  }
}
