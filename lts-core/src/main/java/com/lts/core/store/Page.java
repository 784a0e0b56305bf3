package com.lts.core.store;

import java.util.List;

/**
 * One page of a keyset-paginated listing.
 *
 * @param nextCursor pass it to get the following page; null when this is the last page
 */
public record Page<T>(List<T> items, String nextCursor) {

  public Page {
    items = List.copyOf(items);
  }

  public boolean hasNext() {
    return nextCursor != null;
  }
}
