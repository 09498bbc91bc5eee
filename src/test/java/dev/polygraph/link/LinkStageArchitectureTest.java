package dev.polygraph.link;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The link stage sits between the graph and the rules: it reads the graph and knows no format or rule. */
class LinkStageArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.polygraph");
  }

  @Test
  void theLinkStageKnowsTheGraphButNoFormatRuleOrReport() {
    noClasses()
        .that().resideInAPackage("dev.polygraph.link..")
        .should().dependOnClassesThat()
        .resideInAnyPackage(
            "dev.polygraph.load..", "dev.polygraph.tree..", "dev.polygraph.rules..", "dev.polygraph.suppress..",
            "dev.polygraph.report..", "dev.polygraph.scan..", "dev.polygraph.cli..", "dev.polygraph.config..")
        .check(classes);
  }

  @Test
  void theGraphDoesNotReachUpToTheLinkStage() {
    noClasses()
        .that().resideInAPackage("dev.polygraph.graph..")
        .should().dependOnClassesThat().resideInAPackage("dev.polygraph.link..")
        .check(classes);
  }
}
