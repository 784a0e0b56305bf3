package com.lts.core.registry.internal;

import com.lts.core.cluster.MasterChangeListener;
import com.lts.core.registry.MasterState;
import com.lts.core.registry.MasterStateListener;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Holds an elector's listeners and the last state told to them; tells them only real changes, on
 * the registry's event thread, in the order states were reported.
 */
public final class MasterStateHub {

  private final RegistryEventThread events;
  private final List<MasterStateListener> listeners = new CopyOnWriteArrayList<>();
  private volatile MasterState delivered = MasterState.NONE;
  private boolean anyDelivered;

  public MasterStateHub(RegistryEventThread events) {
    this.events = events;
  }

  public MasterState current() {
    return delivered;
  }

  public void addListener(MasterChangeListener listener) {
    Objects.requireNonNull(listener, "listener");
    addStateListener(new ChangeAdapter(listener));
  }

  /** Adds {@code listener} and, once a state is known, tells it that state. */
  public void addStateListener(MasterStateListener listener) {
    Objects.requireNonNull(listener, "listener");
    events.post(
        () -> {
          listeners.add(listener);
          if (anyDelivered) {
            listener.stateChanged(delivered);
          }
        });
  }

  /** Reports a state from any thread. */
  public void report(MasterState state) {
    events.post(() -> deliver(state));
  }

  /** Reports a state; must be called on the event thread. */
  public void deliver(MasterState state) {
    if (anyDelivered && sameState(state, delivered)) {
      return;
    }
    anyDelivered = true;
    delivered = state;
    for (MasterStateListener listener : listeners) {
      listener.stateChanged(state);
    }
  }

  private static boolean sameState(MasterState a, MasterState b) {
    return a.isMaster() == b.isMaster()
        && a.epoch() == b.epoch()
        && Objects.equals(a.master(), b.master());
  }

  private record ChangeAdapter(MasterChangeListener listener) implements MasterStateListener {
    @Override
    public void stateChanged(MasterState state) {
      listener.change(state.master(), state.isMaster());
    }
  }
}
