package com.lts.admin.api;

import com.alibaba.fastjson2.JSONObject;
import com.lts.admin.web.Access;
import com.lts.admin.web.AdminHandler;
import com.lts.admin.web.ApiException;
import com.lts.admin.web.Exchange;
import com.lts.core.config.ConfigException;
import com.lts.core.config.ConfigKey;
import com.lts.core.config.ConfigKeys;
import com.lts.core.store.Setting;
import com.lts.core.store.Store;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert rules an operator changes at run time ({@link ConfigKeys#ALERT_RULE_KEYS}): stored in
 * the job store's settings, where the master JobTracker reads them at its next check in place of
 * its own configuration. Where alerts go stays in the JobTrackers' configuration.
 */
final class AlertRuleApi {

  private final Store store;

  AlertRuleApi(Store store) {
    this.store = store;
  }

  void register(AdminHandler handler) {
    handler.add("GET", "/api/alert-rules", Access.VIEW, this::list);
    handler.add("PUT", "/api/alert-rules/{name}", Access.CHANGE, this::put);
    handler.add("DELETE", "/api/alert-rules/{name}", Access.CHANGE, this::reset);
  }

  private void list(Exchange exchange) throws IOException {
    Map<String, Setting> stored = store.settings().all();
    List<Map<String, Object>> rules = new ArrayList<>();
    for (ConfigKey<?> key : ConfigKeys.ALERT_RULE_KEYS) {
      Setting setting = stored.get(key.name());
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("name", key.name());
      rule.put("description", key.description());
      rule.put("expected", key.expected());
      rule.put("defaultValue", text(key.defaultValue()));
      rule.put("value", setting == null ? null : setting.value());
      rule.put("modified", setting == null ? null : setting.modified());
      rule.put("modifiedBy", setting == null ? null : setting.modifiedBy());
      rules.add(rule);
    }
    exchange.json(200, Map.of("rules", rules));
  }

  private static ConfigKey<?> rule(Exchange exchange) {
    String name = exchange.path("name");
    return ConfigKeys.ALERT_RULE_KEYS.stream()
        .filter(k -> k.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "No alert rule '"
                        + name
                        + "'; rules: "
                        + String.join(
                            ", ",
                            ConfigKeys.ALERT_RULE_KEYS.stream().map(ConfigKey::name).toList())));
  }

  private void put(Exchange exchange) throws IOException {
    ConfigKey<?> key = rule(exchange);
    JSONObject body = exchange.body();
    Object raw = body.get("value");
    if (!(raw instanceof String || raw instanceof Number || raw instanceof Boolean)) {
      throw ApiException.badRequest("value: the rule's new value is required, e.g. \"5\"");
    }
    String value = raw.toString().trim();
    try {
      key.parse(value);
    } catch (ConfigException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    store.settings().put(key.name(), value, exchange.session().user().name());
    exchange.json(
        200,
        Map.of(
            "status",
            "DONE",
            "message",
            key.name() + " = " + value + " from the master JobTracker's next check"));
  }

  private void reset(Exchange exchange) throws IOException {
    ConfigKey<?> key = rule(exchange);
    boolean removed = store.settings().remove(key.name());
    exchange.json(
        200,
        Map.of(
            "status",
            "DONE",
            "message",
            removed
                ? key.name() + " is back to the JobTrackers' configuration"
                : key.name() + " had no stored value"));
  }

  private static String text(Object value) {
    return value instanceof Duration d ? ConfigKey.format(d) : String.valueOf(value);
  }
}
