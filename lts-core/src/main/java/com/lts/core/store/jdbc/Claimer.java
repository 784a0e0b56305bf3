package com.lts.core.store.jdbc;

import com.lts.core.store.StoredJob;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** One way of claiming due jobs; each dialect picks the best its database supports. */
interface Claimer {

  /**
   * Claims up to {@code max} due jobs of {@code group} on {@code c} (auto-commit on; an
   * implementation opens its own transaction when it needs one).
   *
   * @return the claimed rows as they are after the claim, in claim order
   */
  List<StoredJob> claim(
      Connection c, String group, String identity, int max, long leaseDeadline, long now)
      throws SQLException;
}
