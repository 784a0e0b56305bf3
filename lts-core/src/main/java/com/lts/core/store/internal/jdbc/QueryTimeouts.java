package com.lts.core.store.internal.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Gives every statement a connection creates a query timeout. HikariCP has no such setting, and the
 * store's statements are made in many places; one wrapper keeps any of them from being missed.
 */
final class QueryTimeouts {

  private QueryTimeouts() {}

  static Connection apply(Connection connection, int seconds) {
    return (Connection)
        Proxy.newProxyInstance(
            QueryTimeouts.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              Object result;
              try {
                result = method.invoke(connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              if (result instanceof Statement statement) {
                statement.setQueryTimeout(seconds);
              }
              return result;
            });
  }
}
