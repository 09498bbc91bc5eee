package dev.polygraph.config;

import dev.polygraph.finding.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contents of {@code .polygraph.yaml} (DESIGN §6), validated. Every key is optional.
 *
 * @param file where it was read from, or empty when no config file was found
 * @param roles roles declared under {@code roles:}, in the order written
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
    List<RoleDeclaration> roles) {

  public static final Config EMPTY =
      new Config(Optional.empty(), List.of(), Map.of(), Optional.empty(), Optional.empty(), List.of(), Map.of(), List.of(), List.of());

  public Config {
    skipRules = List.copyOf(skipRules);
    ruleLevels = Map.copyOf(ruleLevels);
    nodeRoles = List.copyOf(nodeRoles);
    cfnParameters = Map.copyOf(cfnParameters);
    exclude = List.copyOf(exclude);
    roles = List.copyOf(roles);
  }
}
