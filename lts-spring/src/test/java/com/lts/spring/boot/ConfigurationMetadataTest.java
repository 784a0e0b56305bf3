package com.lts.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.cluster.NodeType;
import com.lts.core.config.ConfigKey;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The IDE metadata of the starter ({@code META-INF/spring-configuration-metadata.json}) lists, per
 * role, the node settings, the starter's own options and every LTS key that role reads, with the
 * code's types, defaults and descriptions. It is written from the code: when this test fails, run
 * it with {@code -Dlts.metadata.write=true} and commit the file.
 */
class ConfigurationMetadataTest {

  private static final Path FILE =
      Path.of("src/main/resources/META-INF/spring-configuration-metadata.json");

  private record Role(String name, NodeType type, String description) {}

  private record Property(String name, String type, String description, Object defaultValue) {}

  private static final List<Role> ROLES =
      List.of(
          new Role("jobclient", NodeType.JOB_CLIENT, "The application's JobClient."),
          new Role("jobtracker", NodeType.JOB_TRACKER, "The application's JobTracker."),
          new Role("tasktracker", NodeType.TASK_TRACKER, "The application's TaskTracker."));

  static String expected() {
    StringBuilder json = new StringBuilder("{\n  \"groups\": [\n");
    List<String> groups = new ArrayList<>();
    for (Role role : ROLES) {
      groups.add(
          "    {\"name\": \"lts."
              + role.name()
              + "\", \"description\": "
              + quote(
                  role.description() + " Runs when some lts." + role.name() + ".* property is set.")
              + "}");
    }
    json.append(String.join(",\n", groups)).append("\n  ],\n  \"properties\": [\n");
    List<String> properties = new ArrayList<>();
    for (Role role : ROLES) {
      for (Property p : properties(role)) {
        properties.add(
            "    {\"name\": \"lts."
                + role.name()
                + "."
                + p.name()
                + "\", \"type\": \""
                + p.type()
                + "\", \"description\": "
                + quote(p.description())
                + (p.defaultValue() == null
                    ? ""
                    : ", \"defaultValue\": "
                        + (p.defaultValue() instanceof String s ? quote(s) : p.defaultValue()))
                + "}");
      }
    }
    return json.append(String.join(",\n", properties)).append("\n  ]\n}\n").toString();
  }

  private static List<Property> properties(Role role) {
    String text = "java.lang.String";
    List<Property> list = new ArrayList<>();
    list.add(
        new Property(
            "enabled", "java.lang.Boolean", "False keeps the role off although it is set.", true));
    list.add(
        new Property(
            "registry-address",
            text,
            "Registry of the cluster: zookeeper://host:port,... or redis://host:port,...",
            NodeConfig.DEFAULT_REGISTRY_ADDRESS));
    list.add(
        new Property(
            "cluster-name", text, "Name of the cluster.", NodeConfig.DEFAULT_CLUSTER_NAME));
    list.add(
        new Property("node-group", text, "Group of this node.", NodeConfig.DEFAULT_NODE_GROUP));
    list.add(new Property("identity", text, "Unique name of this node; generated if unset.", null));
    list.add(new Property("bind-ip", text, "Address this node announces and binds.", null));
    list.add(
        new Property(
            "data-path", text, "Root folder of this node's local files; default user.home.", null));
    list.add(
        new Property(
            "invoke-timeout-millis",
            "java.lang.Long",
            "How long a call to another node may take.",
            NodeConfig.DEFAULT_INVOKE_TIMEOUT_MILLIS));
    switch (role.type()) {
      case JOB_CLIENT ->
          list.add(
              new Property(
                  "retry-client",
                  "java.lang.Boolean",
                  "A RetryJobClient, which keeps what it cannot submit for later.",
                  true));
      case JOB_TRACKER ->
          list.add(
              new Property(
                  "listen-port",
                  "java.lang.Integer",
                  "RPC port; 0 picks a free one.",
                  NodeConfig.DEFAULT_JOB_TRACKER_PORT));
      case TASK_TRACKER -> {
        list.add(
            new Property(
                "work-threads",
                "java.lang.Integer",
                "How many jobs run at once.",
                NodeConfig.DEFAULT_WORK_THREADS));
        list.add(
            new Property(
                "shard-field",
                text,
                "Job parameter whose value picks the @JobRunnerItem method.",
                "type"));
        list.add(
            new Property(
                "biz-logger-level",
                text,
                "Business log lines below this level (DEBUG, INFO, ERROR) are not sent.",
                "INFO"));
        list.add(
            new Property(
                "job-runner-bean-name",
                text,
                "Name of the JobRunner bean, looked up for each job; default: the one JobRunner"
                    + " bean, else the @JobRunnerItem methods.",
                null));
        list.add(
            new Property(
                "stop-timeout-millis",
                "java.lang.Long",
                "How long shutdown lets running jobs finish; default: one second less than"
                    + " spring.lifecycle.timeout-per-shutdown-phase.",
                null));
      }
      default -> throw new IllegalArgumentException(role.toString());
    }
    for (ConfigKey<?> key : ConfigKeys.all()) {
      if (key.isRetired() || !key.roles().contains(role.type())) {
        continue;
      }
      Object def = key.defaultValue();
      String type =
          key.type() == Duration.class ? text : key.type().getName(); // 500ms, 3s, PT1M...
      list.add(
          new Property(
              "configs." + key.name(),
              type,
              key.description(),
              def instanceof Duration d ? ConfigKey.format(d) : def));
    }
    return list;
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  @Test
  void theMetadataFileIsWrittenFromTheCode() throws IOException {
    String expected = expected();
    if (Boolean.getBoolean("lts.metadata.write")) {
      Files.writeString(FILE, expected);
    }
    assertThat(Files.readString(FILE))
        .as("%s is out of date: run this test with -Dlts.metadata.write=true", FILE)
        .isEqualTo(expected);
  }

  @Test
  void theStarterOptionsAreInTheMetadata() {
    String metadata = expected();
    for (String option : JobClientAutoConfiguration.OPTIONS) {
      assertThat(metadata).contains("\"lts.jobclient." + option + "\"");
    }
    for (String option : JobTrackerAutoConfiguration.OPTIONS) {
      assertThat(metadata).contains("\"lts.jobtracker." + option + "\"");
    }
    for (String option : TaskTrackerAutoConfiguration.OPTIONS) {
      assertThat(metadata).contains("\"lts.tasktracker." + option + "\"");
    }
  }
}
