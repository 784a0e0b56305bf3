package com.lts.core.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lts.core.arch.fixture.Leaky;
import com.lts.core.arch.fixture.Tidy;
import com.lts.core.arch.fixture.internal.Hidden;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules themselves catch what they are meant to catch. */
class ArchitectureRulesTest {

  @Test
  void aPublicMethodThatNamesAnInternalTypeInAGenericIsCaught() {
    JavaClasses classes = new ClassFileImporter().importClasses(Leaky.class, Hidden.class);

    assertThatThrownBy(
            () -> ArchitectureRules.publishedSignaturesNameNoInternalType().check(classes))
        .hasMessageContaining("Leaky")
        .hasMessageContaining("hidden()")
        .hasMessageNotContaining("packagePrivate");
  }

  @Test
  void privateUseAndProtectedMembersOfAFinalClassAreAllowed() {
    JavaClasses classes = new ClassFileImporter().importClasses(Tidy.class, Hidden.class);

    ArchitectureRules.publishedSignaturesNameNoInternalType().check(classes);
  }

  @Test
  void aConsumerThatUsesAnInternalClassIsCaught() {
    JavaClasses classes = new ClassFileImporter().importClasses(Tidy.class, Hidden.class);

    assertThatThrownBy(
            () -> ArchitectureRules.usePublishedApiOnly("com.lts.core.arch.fixture").check(classes))
        .hasMessageContaining("Tidy")
        .hasMessageContaining("Hidden");
  }

  @Test
  void internalPackagesAreTheOnesWithAnInternalSegment() {
    JavaClasses classes = new ClassFileImporter().importClasses(Leaky.class, Hidden.class);

    assertThat(ArchitectureRules.isInternal(classes.get(Hidden.class))).isTrue();
    assertThat(ArchitectureRules.isInternal(classes.get(Leaky.class))).isFalse();
  }
}
