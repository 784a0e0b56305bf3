package com.lts.core.store.internal.jdbc;

import com.lts.core.store.InvalidStoreArgumentException;
import com.lts.core.store.Setting;
import com.lts.core.store.SettingStore;
import com.lts.core.store.StoreArguments;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@link SettingStore} on {@code lts_setting}, one row per setting. */
final class JdbcSettingStore implements SettingStore {

  private final Jdbc jdbc;
  private final Clock clock;

  JdbcSettingStore(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Map<String, Setting> all() {
    return jdbc.autoCommit(
        "read settings",
        c -> {
          Map<String, Setting> settings = new LinkedHashMap<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT name, setting_value, modified, modified_by FROM lts_setting"
                          + " ORDER BY name");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              settings.put(
                  rs.getString(1),
                  new Setting(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
            }
          }
          return settings;
        });
  }

  @Override
  public void put(String name, String value, String modifiedBy) {
    StoreArguments.settingName(name);
    Objects.requireNonNull(value, "value");
    if (value.length() > MAX_VALUE_LENGTH) {
      throw new InvalidStoreArgumentException(
          "setting " + name + ": the value is longer than " + MAX_VALUE_LENGTH + " characters");
    }
    if (modifiedBy != null && modifiedBy.length() > 128) {
      throw new InvalidStoreArgumentException("setting " + name + ": modifiedBy is too long");
    }
    long now = clock.millis();
    jdbc.transaction(
        "store setting " + name,
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE lts_setting SET setting_value = ?, modified = ?, modified_by = ?"
                      + " WHERE name = ?")) {
            update.setString(1, value);
            update.setLong(2, now);
            update.setString(3, modifiedBy);
            update.setString(4, name);
            if (update.executeUpdate() > 0) {
              return null;
            }
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO lts_setting (name, setting_value, modified, modified_by)"
                      + " VALUES (?, ?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, value);
            insert.setLong(3, now);
            insert.setString(4, modifiedBy);
            insert.executeUpdate();
          } catch (SQLException e) {
            if (!jdbc.dialect().isDuplicateKey(e)) {
              throw e;
            }
            // Two operators stored it at once; the other one's value stays, as if it came last.
          }
          return null;
        });
  }

  @Override
  public boolean remove(String name) {
    StoreArguments.settingName(name);
    return jdbc.autoCommit(
        "remove setting " + name,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM lts_setting WHERE name = ?")) {
            ps.setString(1, name);
            return ps.executeUpdate() > 0;
          }
        });
  }
}
