package com.lts.core.store.internal.mongo;

import com.lts.core.store.InvalidStoreArgumentException;
import com.lts.core.store.Setting;
import com.lts.core.store.SettingStore;
import com.lts.core.store.StoreArguments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;

/** {@link SettingStore} on {@code lts_setting}, one document per setting keyed by name. */
final class MongoSettingStore implements SettingStore {

  private final MongoCollection<Document> settings;
  private final MongoCalls calls;
  private final Clock clock;

  MongoSettingStore(MongoCollection<Document> settings, MongoCalls calls, Clock clock) {
    this.settings = settings;
    this.calls = calls;
    this.clock = clock;
  }

  @Override
  public Map<String, Setting> all() {
    return calls.run(
        "read settings",
        () -> {
          Map<String, Setting> all = new LinkedHashMap<>();
          for (Document d : settings.find().sort(Sorts.ascending("_id"))) {
            all.put(
                d.getString("_id"),
                new Setting(
                    d.getString("_id"),
                    d.getString("value"),
                    ((Number) d.get("modified")).longValue(),
                    d.getString("modifiedBy")));
          }
          return all;
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
    Document doc =
        new Document("_id", name)
            .append("value", value)
            .append("modified", clock.millis())
            .append("modifiedBy", modifiedBy);
    calls.run(
        "store setting " + name,
        () -> settings.replaceOne(Filters.eq("_id", name), doc, new ReplaceOptions().upsert(true)));
  }

  @Override
  public boolean remove(String name) {
    StoreArguments.settingName(name);
    return calls.run(
        "remove setting " + name,
        () -> settings.deleteOne(Filters.eq("_id", name)).getDeletedCount() > 0);
  }
}
