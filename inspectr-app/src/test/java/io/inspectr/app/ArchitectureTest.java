package io.inspectr.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one dependency direction, checked on the compiled classes of every module: core sees no other
 * inspectr module and no HTTP client, Kubernetes client, Jackson databind or Quartz; the adapters
 * see core only; nobody reaches into another module's {@code internal} packages.
 */
class ArchitectureTest {
  private static final List<String> ADAPTERS = List.of("registry", "k8s", "notify");

  private static JavaClasses production;

  @BeforeAll
  static void importModules() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Module jars are imported too: in a reactor build after `package`, the other modules
            // are on the class path as jars, not as class directories.
            .importPackages("io.inspectr");
  }

  @Test
  void everyModuleIsImported() {
    // Without this, a rule over an empty set of classes would pass and prove nothing.
    for (String module : List.of("core", "registry", "k8s", "notify", "app")) {
      String prefix = "io.inspectr." + module + ".";
      long classes = production.stream().filter(c -> c.getName().startsWith(prefix)).count();
      assertThat(classes).as("classes of io.inspectr.%s imported", module).isPositive();
    }
  }

  static ArchRule coreStandsAlone() {
    return noClasses()
        .that()
        .resideInAPackage("io.inspectr.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.inspectr.registry..",
            "io.inspectr.k8s..",
            "io.inspectr.notify..",
            "io.inspectr.app..",
            "org.apache.hc..",
            "io.kubernetes..",
            "okhttp3..",
            "com.fasterxml.jackson.databind..",
            "org.quartz..")
        .because("core is the domain and the SPI: JDK and Guava only (DESIGN.md, Modules)");
  }

  @Test
  void coreDependsOnNoOtherModuleAndNoTransport() {
    coreStandsAlone().check(production);
  }

  @ParameterizedTest
  @ValueSource(strings = {"registry", "k8s", "notify"})
  void adaptersDependOnCoreOnly(String adapter) {
    List<String> forbidden =
        new java.util.ArrayList<>(
            ADAPTERS.stream()
                .filter(a -> !a.equals(adapter))
                .map(a -> "io.inspectr." + a + "..")
                .toList());
    forbidden.add("io.inspectr.app..");
    forbidden.add("org.quartz..");
    noClasses()
        .that()
        .resideInAPackage("io.inspectr." + adapter + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden.toArray(String[]::new))
        .because("adapters depend on core only; only the app wires them together")
        .check(production);
  }

  @ParameterizedTest
  @ValueSource(strings = {"core", "registry", "k8s", "notify", "app"})
  void nobodyReachesIntoAnotherModulesInternals(String module) {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.inspectr." + module + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.inspectr." + module + "..internal..")
        .because("internal packages may change at any time; use the module's public API")
        .check(production);
  }

  @Test
  void theCoreRuleCatchesAWrongWayDependency() {
    // A rule that can never fail proves nothing: run it on a class that breaks it.
    JavaClasses offender =
        new ClassFileImporter().importClasses(io.inspectr.core.WrongWayFixture.class);

    EvaluationResult result = coreStandsAlone().evaluate(offender);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("io.inspectr.app");
  }
}
