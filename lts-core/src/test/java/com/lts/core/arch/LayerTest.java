package com.lts.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps dependencies pointing one way inside lts-core. (Core cannot reach the node modules at all:
 * they are not on its classpath.)
 */
class LayerTest {

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.lts");
  }

  @Test
  void remotingNeverImportsTheStoreOrTheRegistry() {
    noClasses()
        .that()
        .resideInAPackage("com.lts.remoting..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.lts.core.store..", "com.lts.core.registry..")
        .allowEmptyShould(true)
        .check(core);
  }

  @Test
  void theDomainDependsOnNothingButItsOwnRules() {
    noClasses()
        .that()
        .resideInAPackage("com.lts.core.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.lts.remoting..",
            "com.lts.core.store..",
            "com.lts.core.registry..",
            "com.lts.core.config..",
            "io.netty..",
            "com.alibaba..")
        .check(core);
  }
}
