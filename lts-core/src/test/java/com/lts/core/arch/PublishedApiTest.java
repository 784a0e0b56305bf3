package com.lts.core.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** lts-core's published packages hide its internals, and no two of its packages form a cycle. */
class PublishedApiTest {

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.lts");
  }

  @Test
  void noPackageCycles() {
    ArchitectureRules.noPackageCycles().check(core);
  }

  @Test
  void publishedSignaturesNameNoInternalType() {
    ArchitectureRules.publishedSignaturesNameNoInternalType().check(core);
  }
}
