package com.lts.example.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.cluster.NodeType;
import com.lts.core.config.ConfigKey;
import com.lts.core.config.ConfigKeys;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps every configuration key honest, over the compiled main classes of all node modules: a
 * working key is read by some main code, a retired key by none, and a key read in a role's module
 * declares that role.
 */
class ConfigKeysReadTest {

  private static final Map<String, NodeType> ROLE_PACKAGES =
      Map.of(
          "com.lts.jobclient", NodeType.JOB_CLIENT,
          "com.lts.jobtracker", NodeType.JOB_TRACKER,
          "com.lts.tasktracker", NodeType.TASK_TRACKER,
          "com.lts.admin", NodeType.BACKEND);

  /** Field name of ConfigKeys to the classes of main code that read it. */
  private static final Map<String, Set<String>> readers = new HashMap<>();

  @BeforeAll
  static void importMainClasses() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // lts-core's test fixtures come as a test-jar
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages(
                "com.lts.core",
                "com.lts.remoting",
                "com.lts.jobclient",
                "com.lts.jobtracker",
                "com.lts.tasktracker",
                "com.lts.admin");
    assertThat(
            classes.contain("com.lts.jobtracker.internal.JobTrackerRuntime")
                && classes.contain("com.lts.admin.LtsAdmin"))
        .as("the node modules' main classes are on the test class path")
        .isTrue();
    classes.forEach(
        javaClass -> {
          if (javaClass.isEquivalentTo(ConfigKeys.class)) {
            return;
          }
          for (JavaFieldAccess access : javaClass.getFieldAccessesFromSelf()) {
            if (access.getTargetOwner().isEquivalentTo(ConfigKeys.class)) {
              readers
                  .computeIfAbsent(access.getTarget().getName(), f -> new java.util.TreeSet<>())
                  .add(javaClass.getName());
            }
          }
        });
  }

  private static Map<String, ConfigKey<?>> keyFields() throws IllegalAccessException {
    Map<String, ConfigKey<?>> fields = new HashMap<>();
    for (Field field : ConfigKeys.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ConfigKey.class) {
        fields.put(field.getName(), (ConfigKey<?>) field.get(null));
      }
    }
    assertThat(fields).hasSameSizeAs(ConfigKeys.all());
    return fields;
  }

  @Test
  void everyWorkingKeyIsReadByMainCodeAndNoRetiredKeyIs() throws Exception {
    List<String> problems = new ArrayList<>();
    keyFields()
        .forEach(
            (field, key) -> {
              Set<String> readBy = readers.getOrDefault(field, Set.of());
              if (!key.isRetired() && readBy.isEmpty()) {
                problems.add(
                    key.name()
                        + " ("
                        + field
                        + ") is read by no main code: implement or retire it");
              }
              if (key.isRetired() && !readBy.isEmpty()) {
                problems.add(key.name() + " is retired but read by " + readBy);
              }
            });
    assertThat(problems).isEmpty();
  }

  @Test
  void aKeyReadInARolesModuleDeclaresThatRole() throws Exception {
    List<String> problems = new ArrayList<>();
    keyFields()
        .forEach(
            (field, key) -> {
              Set<NodeType> readingRoles = EnumSet.noneOf(NodeType.class);
              for (String reader : readers.getOrDefault(field, Set.of())) {
                ROLE_PACKAGES.forEach(
                    (pkg, role) -> {
                      if (reader.startsWith(pkg + ".")) {
                        readingRoles.add(role);
                      }
                    });
              }
              if (!key.roles().containsAll(readingRoles)) {
                problems.add(
                    key.name() + " is read by " + readingRoles + " but declares " + key.roles());
              }
            });
    assertThat(problems).isEmpty();
  }
}
