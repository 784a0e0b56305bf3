package com.lts.example.e2e;

import com.lts.core.cluster.Node;
import com.lts.core.cluster.NodeChangeListener;
import com.lts.core.cluster.NodeType;
import com.lts.core.config.LtsConfig;
import com.lts.core.event.NodeEvents;
import com.lts.core.registry.MasterElector;
import com.lts.core.registry.Registry;
import com.lts.core.registry.RegistryException;
import com.lts.core.registry.RegistryFactory;
import java.util.List;

/**
 * {@code failing://}: a registry that opens but refuses every subscription, so a node's start fails
 * after its role has started its threads and opened its FailStore.
 */
public final class FailingRegistryFactory implements RegistryFactory {

  @Override
  public String name() {
    return "failing";
  }

  @Override
  public Registry open(String address, String clusterName, LtsConfig config, NodeEvents events) {
    return new Registry() {
      @Override
      public String clusterName() {
        return clusterName;
      }

      @Override
      public void register(Node node) {}

      @Override
      public void unregister(Node node) {}

      @Override
      public void subscribe(NodeType type, String group, NodeChangeListener listener) {
        throw new RegistryException("injected: subscriptions are refused");
      }

      @Override
      public void unsubscribe(NodeChangeListener listener) {}

      @Override
      public List<Node> nodes(NodeType type) {
        return List.of();
      }

      @Override
      public MasterElector masterElector(Node candidate) {
        throw new RegistryException("injected: no election");
      }

      @Override
      public boolean isConnected() {
        return true;
      }

      @Override
      public void close() {}
    };
  }
}
