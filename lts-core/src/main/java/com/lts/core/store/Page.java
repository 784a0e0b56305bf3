package com.lts.core.store;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated listing.
 *
 * @param nextCursor pass it to get the following page; null when this is the last page
 */
public record Page<T>(List<T> items, String nextCursor) {

  public Page {
    items = List.copyOf(items);
  }

  /**
   * The page of a keyset query that fetched up to {@code limit + 1} rows: the first {@code limit},
   * and, when there was one more, the cursor of the last row kept.
   */
  public static <T> Page<T> ofFetched(List<T> fetched, int limit, Function<T, String> cursorOf) {
    if (fetched.size() <= limit) {
      return new Page<>(fetched, null);
    }
    List<T> page = fetched.subList(0, limit);
    return new Page<>(page, cursorOf.apply(page.get(limit - 1)));
  }

  public boolean hasNext() {
    return nextCursor != null;
  }
}
