package dev.polygraph.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Reporters turn a finished ScanReport into bytes; the SARIF model stays inside report.sarif. */
@AnalyzeClasses(packages = "dev.polygraph", importOptions = ImportOption.DoNotIncludeTests.class)
class ReportDependenciesTest {

  @ArchTest
  static final ArchRule onlyTheSarifReporterSeesTheSarifModel =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.polygraph.report.sarif..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.contrastsecurity..");

  @ArchTest
  static final ArchRule reportersReadOnlyTheReport =
      classes()
          .that()
          .resideInAPackage("dev.polygraph.report..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "dev.polygraph.report..",
              "dev.polygraph.finding..",
              "dev.polygraph.source..",
              "dev.polygraph.rules..",
              "java..",
              "com.fasterxml.jackson..",
              "com.contrastsecurity.sarif..");

  @ArchTest
  static final ArchRule formatsDoNotDependOnEachOther =
      noClasses()
          .that()
          .resideInAnyPackage("dev.polygraph.report.text..", "dev.polygraph.report.json..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.polygraph.report.sarif..");
}
