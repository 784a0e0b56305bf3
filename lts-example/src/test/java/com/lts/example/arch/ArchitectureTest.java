package com.lts.example.arch;

import com.lts.core.arch.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link ArchitectureRules} over the main code of every module at once (lts-example
 * sees them all): no package cycles across modules, published signatures that name no internal
 * type, and examples — written as a user writes them — that use the published API only.
 */
class ArchitectureTest {

  private static JavaClasses lts;

  @BeforeAll
  static void importEveryModule() {
    lts =
        new ClassFileImporter()
            .withImportOption(
                location ->
                    !location.contains("/test-classes/") && !location.contains("-tests.jar"))
            .importPackages("com.lts");
  }

  @Test
  void theImportSeesEveryRoleModule() {
    for (String type :
        new String[] {
          "com.lts.jobclient.JobClient",
          "com.lts.jobtracker.JobTracker",
          "com.lts.tasktracker.TaskTracker",
          "com.lts.core.node.AbstractNode",
          "com.lts.example.demo.LocalDemo"
        }) {
      if (!lts.contain(type)) {
        throw new AssertionError("the architecture rules did not see " + type);
      }
    }
  }

  @Test
  void noPackageCyclesAcrossModules() {
    ArchitectureRules.noPackageCycles().check(lts);
  }

  @Test
  void publishedSignaturesNameNoInternalType() {
    ArchitectureRules.publishedSignaturesNameNoInternalType().check(lts);
  }

  @Test
  void examplesUseThePublishedApiOnly() {
    ArchitectureRules.usePublishedApiOnly("com.lts.example..").check(lts);
  }
}
