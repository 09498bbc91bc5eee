package dev.polygraph.tree;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** One facade per parser: everything else reads YAML through {@link YamlTreeReader}. */
class SnakeYamlConfinementTest {

  private static final DescribedPredicate<JavaClass> PART_OF_YAML_TREE_READER =
      DescribedPredicate.describe(
          "are part of YamlTreeReader",
          c ->
              c.getName().equals(YamlTreeReader.class.getName())
                  || c.getName().startsWith(YamlTreeReader.class.getName() + "$"));

  @Test
  void onlyYamlTreeReaderTouchesSnakeYaml() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.polygraph");

    noClasses()
        .that(not(PART_OF_YAML_TREE_READER))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.yaml.snakeyaml..")
        .check(classes);
  }
}
