package com.lts.admin.api;

import com.lts.admin.audit.AuditEntry;
import com.lts.admin.audit.AuditLog;
import com.lts.admin.web.Access;
import com.lts.admin.web.AdminHandler;
import com.lts.admin.web.Exchange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The recent changes made through Admin (its audit trail), for admins only. */
final class AuditApi {

  private static final Set<String> PARAMS = Set.of("user", "action", "limit");

  private final AuditLog audit;

  AuditApi(AuditLog audit) {
    this.audit = audit;
  }

  void register(AdminHandler handler) {
    handler.add("GET", "/api/audit", Access.ADMIN, this::recent);
  }

  private void recent(Exchange exchange) throws Exception {
    String user = exchange.query("user", PARAMS);
    String action = exchange.query("action", PARAMS);
    int limit = Params.limit(exchange.query("limit", PARAMS), 100, 1000);
    Predicate<AuditEntry> filter =
        e ->
            (user == null || e.user().equals(user))
                && (action == null || e.action().equals(action));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("capacity", audit.capacity());
    json.put("items", audit.recent(filter, limit));
    exchange.json(200, json);
  }
}
