package com.lts.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules that keep LTS's published API apart from its internals, for every module's own
 * architecture test (and for LTS Admin and lts-spring, which may use published packages only).
 *
 * <p>A package is internal when its name has an {@code internal} segment ({@code
 * com.lts.remoting.internal.client}); every other {@code com.lts} package is published.
 */
public final class ArchitectureRules {

  /** Matches every internal package of LTS, for {@code resideInAnyPackage}. */
  public static final String INTERNAL_PACKAGES = "com.lts..internal..";

  private ArchitectureRules() {}

  /** No two packages of LTS depend on each other, directly or through others. */
  public static ArchRule noPackageCycles() {
    return slices().matching("com.lts.(**)").should().beFreeOfCycles();
  }

  /**
   * What a user can see of a published class — its supertypes and its public members (and the
   * protected ones of a class that can be extended) — names no internal type, so that internals can
   * change without breaking anyone.
   */
  public static ArchRule publishedSignaturesNameNoInternalType() {
    return classes()
        .that(arePublishedApi())
        .should(nameNoInternalTypeInTheirSignatures())
        .allowEmptyShould(true);
  }

  /** The given packages (a module that builds on LTS) use LTS's published packages only. */
  public static ArchRule usePublishedApiOnly(String... consumerPackages) {
    return noClasses()
        .that()
        .resideInAnyPackage(consumerPackages)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(INTERNAL_PACKAGES)
        .because("modules built on LTS use its published API only; internals change freely");
  }

  static boolean isInternal(JavaClass type) {
    String name = type.getPackageName();
    return name.startsWith("com.lts.")
        && (name.contains(".internal.") || name.endsWith(".internal"));
  }

  static DescribedPredicate<JavaClass> arePublishedApi() {
    return DescribedPredicate.describe(
        "are published API of LTS",
        type ->
            type.getPackageName().startsWith("com.lts") && !isInternal(type) && isVisible(type));
  }

  /** Public, and so are all the classes it is nested in. */
  private static boolean isVisible(JavaClass type) {
    for (JavaClass t = type; t != null; t = t.getEnclosingClass().orElse(null)) {
      if (!t.getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  private static ArchCondition<JavaClass> nameNoInternalTypeInTheirSignatures() {
    return new ArchCondition<>("name no internal type in their public signatures") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        Set<String> problems = new TreeSet<>();
        type.getRawSuperclass()
            .filter(ArchitectureRules::isInternal)
            .ifPresent(s -> problems.add("extends " + s.getName()));
        type.getRawInterfaces().stream()
            .filter(ArchitectureRules::isInternal)
            .forEach(i -> problems.add("implements " + i.getName()));
        boolean extensible = !type.getModifiers().contains(JavaModifier.FINAL);
        for (JavaMember member : type.getMembers()) {
          Set<JavaModifier> modifiers = member.getModifiers();
          boolean visible =
              modifiers.contains(JavaModifier.PUBLIC)
                  || (extensible && modifiers.contains(JavaModifier.PROTECTED));
          if (!visible
              || modifiers.contains(JavaModifier.SYNTHETIC)
              || modifiers.contains(JavaModifier.BRIDGE)) {
            continue;
          }
          for (JavaClass mentioned : typesIn(member)) {
            if (isInternal(mentioned)) {
              problems.add(member.getDescription() + " names " + mentioned.getName());
            }
          }
        }
        for (String problem : problems) {
          events.add(SimpleConditionEvent.violated(type, type.getName() + ": " + problem));
        }
      }
    };
  }

  private static Collection<JavaClass> typesIn(JavaMember member) {
    List<JavaClass> types = new ArrayList<>();
    if (member instanceof JavaField field) {
      types.addAll(field.getType().getAllInvolvedRawTypes());
    } else if (member instanceof JavaCodeUnit code) {
      types.addAll(code.getReturnType().getAllInvolvedRawTypes());
      for (JavaType parameter : code.getParameterTypes()) {
        types.addAll(parameter.getAllInvolvedRawTypes());
      }
      types.addAll(code.getThrowsClause().getTypes());
    }
    return types;
  }
}
