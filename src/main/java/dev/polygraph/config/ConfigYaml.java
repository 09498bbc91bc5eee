package dev.polygraph.config;

import dev.polygraph.finding.Level;
import java.util.List;
import java.util.TreeMap;


/**
 * Writes a configuration back as {@code .polygraph.yaml} text ({@code polygraph scan --print-config}).
 * Every string is double-quoted with JSON's escapes, which YAML reads back unchanged, so the output
 * loads again as the same configuration. Keys with nothing to say are left out.
 */
public final class ConfigYaml {

  private ConfigYaml() {}

  public static String render(Config config) {
    StringBuilder out = new StringBuilder();
    if (!config.skipRules().isEmpty() || !config.ruleLevels().isEmpty()) {
      out.append("rules:\n");
      if (!config.skipRules().isEmpty()) {
        out.append("  skip: ").append(list(config.skipRules())).append('\n');
      }
      if (!config.ruleLevels().isEmpty()) {
        out.append("  level:\n");
        new TreeMap<>(config.ruleLevels())
            .forEach((id, level) -> out.append("    ").append(quote(id)).append(": ").append(level(level)).append('\n'));
      }
    }
    if (config.ipFamily().isPresent() || config.cniRole().isPresent() || !config.nodeRoles().isEmpty()) {
      out.append("eks:\n");
      config.ipFamily().ifPresent(f -> out.append("  ip-family: ").append(quote(f)).append('\n'));
      config.cniRole().ifPresent(r -> out.append("  cni-role: ").append(quote(r)).append('\n'));
      if (!config.nodeRoles().isEmpty()) {
        out.append("  node-roles: ").append(list(config.nodeRoles())).append('\n');
      }
    }
    if (!config.cfnParameters().isEmpty()) {
      out.append("cloudformation:\n  parameters:\n");
      new TreeMap<>(config.cfnParameters())
          .forEach((k, v) -> out.append("    ").append(quote(k)).append(": ").append(quote(v)).append('\n'));
    }
    if (!config.tfVarFiles().isEmpty() || !config.tfVars().isEmpty()) {
      out.append("terraform:\n");
      if (!config.tfVarFiles().isEmpty()) {
        out.append("  var-files: ")
            .append(list(config.tfVarFiles().stream().map(f -> f.toString().replace('\\', '/')).toList()))
            .append('\n');
      }
      if (!config.tfVars().isEmpty()) {
        out.append("  vars:\n");
        new TreeMap<>(config.tfVars())
            .forEach((k, v) -> out.append("    ").append(quote(k)).append(": ").append(quote(v)).append('\n'));
      }
    }
    if (!config.exclude().isEmpty()) {
      out.append("exclude: ").append(list(config.exclude())).append('\n');
    }
    if (!config.ignore().isEmpty()) {
      out.append("ignore:\n");
      for (Config.Ignore i : config.ignore()) {
        out.append("  - { path: ").append(quote(i.path()))
            .append(", rule: ").append(quote(i.rule()))
            .append(", reason: ").append(quote(i.reason())).append(" }\n");
      }
    }
    return out.length() == 0 ? "{}\n" : out.toString();
  }

  private static String level(Level level) {
    return level.id();
  }

  private static String list(List<String> items) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(quote(items.get(i)));
    }
    return out.append(']').toString();
  }

  /** A double-quoted YAML scalar: backslash, quote and control characters escaped as in JSON. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

}
