package com.lts.spring.arch;

import com.lts.core.arch.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * lts-spring is written as a user writes code: it uses the published API of LTS only (lts-example's
 * ArchitectureTest checks cycles across all modules, this one included).
 */
class ArchitectureTest {

  private static final JavaClasses LTS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.lts.spring");

  @Test
  void springUsesThePublishedApiOnly() {
    ArchitectureRules.usePublishedApiOnly("com.lts.spring..").check(LTS);
  }

  @Test
  void noPackageCycles() {
    ArchitectureRules.noPackageCycles().check(LTS);
  }
}
