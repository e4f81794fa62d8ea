package org.idva.insights;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the pipeline's shape: schema → ingest → validate → store → report → render, wired by cli.
 * Stage packages share only {@code schema} (definitions) and {@code model} (values passed between
 * stages); each third-party library stays in the one stage it belongs to.
 */
class ArchitectureTest {
  private static final String ROOT = "org.idva.insights";
  private static final List<String> STAGES =
      List.of("ingest", "validate", "store", "report", "render", "sample");
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void poiOnlyInIngestAndRender() {
    only("org.apache.poi..", "..ingest..", "..render..");
  }

  @Test
  void fastexcelOnlyInIngestAndRender() {
    only("org.dhatim..", "..ingest..", "..render..");
  }

  @Test
  void jdbcOnlyInStore() {
    only("java.sql..", "..store..");
  }

  @Test
  void freemarkerOnlyInRenderAndWeb() {
    only("freemarker..", "..render..", "..web..");
  }

  @Test
  void mailLibraryOnlyInMail() {
    only("jakarta.mail..", "..mail..");
  }

  @Test
  void webServerOnlyInWeb() {
    only("io.javalin..", "..web..");
    only("org.eclipse.jetty..", "..web..");
  }

  @Test
  void stagesDoNotCallTheWaysIn() {
    noClasses()
        .that()
        .resideInAnyPackage(STAGES.stream().map(s -> ROOT + "." + s + "..").toArray(String[]::new))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".pipeline..", ROOT + ".mail..", ROOT + ".web..")
        .because("the pipeline calls the stages, never the other way round")
        .check(classes);
  }

  @Test
  void theWaysInCallThePipelineNotTheStages() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".mail..", ROOT + ".web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".ingest..", ROOT + ".validate..", ROOT + ".report..", ROOT + ".render..")
        .because("mail and web build Submissions and present Receipts (docs/architecture.md)")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void picocliOnlyInCli() {
    only("picocli..", "..cli..");
  }

  @Test
  void stagesDoNotImportEachOther() {
    for (String stage : STAGES) {
      for (String other : STAGES) {
        if (!stage.equals(other)) {
          ArchRule rule =
              noClasses()
                  .that()
                  .resideInAPackage(ROOT + "." + stage + "..")
                  .should()
                  .dependOnClassesThat()
                  .resideInAPackage(ROOT + "." + other + "..")
                  .because("stages meet only through schema and model; cli wires them")
                  .allowEmptyShould(true);
          rule.check(classes);
        }
      }
    }
  }

  @Test
  void schemaAndModelDependOnNoStage() {
    for (String base : List.of("schema", "model")) {
      noClasses()
          .that()
          .resideInAPackage(ROOT + "." + base + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".cli..",
              ROOT + ".ingest..",
              ROOT + ".validate..",
              ROOT + ".store..",
              ROOT + ".report..",
              ROOT + ".render..")
          .check(classes);
    }
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".model..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".schema..")
        .check(classes);
  }

  @Test
  void nothingDependsOnCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".cli..")
        .check(classes);
  }

  @Test
  void onlyCliStartsTheWaysIn() {
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT + ".cli..", ROOT + ".mail..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".mail..")
        .allowEmptyShould(true)
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT + ".cli..", ROOT + ".web..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".web..")
        .allowEmptyShould(true)
        .check(classes);
  }

  private static void only(String library, String... allowed) {
    noClasses()
        .that()
        .resideOutsideOfPackages(allowed)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(library)
        .allowEmptyShould(true)
        .because(library + " belongs to " + String.join(", ", allowed))
        .check(classes);
  }
}
