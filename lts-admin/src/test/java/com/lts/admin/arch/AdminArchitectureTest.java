package com.lts.admin.arch;

import com.lts.core.arch.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LTS Admin uses LTS's published API only, and its own packages form no cycle. */
class AdminArchitectureTest {

  private static JavaClasses admin;

  @BeforeAll
  static void importAdmin() {
    admin =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.lts.admin");
    if (!admin.contain("com.lts.admin.LtsAdmin")) {
      throw new AssertionError("the architecture rules did not see LtsAdmin");
    }
  }

  @Test
  void adminUsesThePublishedApiOnly() {
    ArchitectureRules.usePublishedApiOnly("com.lts.admin..").check(admin);
  }

  @Test
  void noPackageCycles() {
    ArchitectureRules.noPackageCycles().check(admin);
  }
}
