package com.lts.admin.api;

import com.lts.admin.audit.AuditLog;
import com.lts.admin.auth.LoginThrottle;
import com.lts.admin.auth.Sessions;
import com.lts.admin.auth.Users;
import com.lts.admin.web.Access;
import com.lts.admin.web.AdminHandler;
import com.lts.core.store.Store;
import com.lts.jobclient.JobClient;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/** Puts every REST route of Admin on a handler. */
public final class AdminApi {

  private AdminApi() {}

  /**
   * @param running false once Admin stops: live streams end
   */
  public static void install(
      AdminHandler handler,
      Users users,
      Sessions sessions,
      boolean secureCookie,
      ClusterView cluster,
      Store store,
      JobClient client,
      BooleanSupplier running,
      String version,
      AuditLog audit,
      String metricsToken) {
    new AuthApi(users, sessions, new LoginThrottle(Clock.systemUTC()), secureCookie)
        .register(handler);
    new OverviewApi(cluster, store).register(handler);
    new NodeApi(cluster, store, running).register(handler);
    new QueueApi(store).register(handler);
    new JobApi(store, client, running).register(handler);
    new DeadJobApi(store, client).register(handler);
    new AlertRuleApi(store).register(handler);
    new AuditApi(audit).register(handler);
    new MetricsApi(cluster, store, metricsToken).register(handler);
    handler.add(
        "GET",
        "/api/openapi.json",
        Access.VIEW,
        e -> e.json(200, OpenApiDoc.document(handler.routes(), version)));
  }
}
