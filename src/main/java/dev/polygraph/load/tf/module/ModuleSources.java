package dev.polygraph.load.tf.module;

import dev.polygraph.source.SourceFile;
import dev.polygraph.tree.JsonTreeReader;
import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.Node;
import dev.polygraph.tree.ScalarNode;
import dev.polygraph.tree.SeqNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The modules {@code terraform init} installed for a root module, from its {@code
 * .terraform/modules/modules.json}: call keys ({@code eks}, {@code eks.eks_managed_node_group}) to
 * directories.
 *
 * @param dirs call key to the installed directory, relative to the scan root
 */
record ModuleSources(Map<String, String> dirs) {

  static final ModuleSources NONE = new ModuleSources(Map.of());

  ModuleSources {
    dirs = java.util.Collections.unmodifiableMap(new TreeMap<>(dirs));
  }

  static String manifest(String rootDir) {
    return ModulePaths.file(rootDir, ".terraform/modules/modules.json");
  }

  /** The installed modules of a root; none when the manifest is missing or unreadable. */
  static ModuleSources of(String rootDir, Optional<SourceFile> manifest) {
    if (manifest.isEmpty()) {
      return NONE;
    }
    Node root = JsonTreeReader.read(manifest.get()).root();
    Map<String, String> dirs = new TreeMap<>();
    if (root instanceof MapNode map && map.get("Modules").orElse(null) instanceof SeqNode modules) {
      for (Node item : modules.items()) {
        if (item instanceof MapNode module
            && module.get("Key").orElse(null) instanceof ScalarNode key
            && module.get("Dir").orElse(null) instanceof ScalarNode dir
            && key.text() != null && dir.text() != null && !key.text().isEmpty()) {
          dirs.put(key.text(), ModulePaths.join(rootDir, dir.text()));
        }
      }
    }
    return new ModuleSources(dirs);
  }

  Optional<String> dir(String key) {
    return Optional.ofNullable(dirs.get(key));
  }
}
