package com.lts.example.conf;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.admin.LtsAdmin;
import com.lts.core.config.NodeProperties;
import com.lts.jobtracker.JobTracker;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The ready configuration files in lts-example/conf/ hold only settings and keys the JobTracker and
 * LTS Admin know, with values of the right type (a wrong one would stop their start).
 */
class ConfFilesTest {

  @Test
  void theJobTrackerFileConfiguresAJobTracker() throws IOException {
    Properties file = load("jobtracker.properties");
    new JobTracker().configure(NodeProperties.of(file));
    assertThat(file.getProperty("job.queue")).isEqualTo("mysql");
    assertThat(file.getProperty("registryAddress")).startsWith("zookeeper://");
  }

  @Test
  void thePostgreSqlAndTheMongoRedisFilesConfigureAJobTracker() throws IOException {
    Properties postgresql = load("jobtracker-postgresql.properties");
    new JobTracker().configure(NodeProperties.of(postgresql));
    assertThat(postgresql.getProperty("job.queue")).isEqualTo("postgresql");
    Properties mongoRedis = load("jobtracker-mongo-redis.properties");
    new JobTracker().configure(NodeProperties.of(mongoRedis));
    assertThat(mongoRedis.getProperty("job.queue")).isEqualTo("mongo");
    assertThat(mongoRedis.getProperty("registryAddress")).startsWith("redis://");
  }

  @Test
  void theAdminFileConfiguresLtsAdmin() throws IOException {
    Map<String, String> map = new HashMap<>();
    load("admin.properties").forEach((k, v) -> map.put((String) k, (String) v));
    new LtsAdmin(map); // parses every key; start() is not called
    assertThat(map).containsEntry("jdbc.username", "lts_admin");
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of("conf", name), StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }
}
