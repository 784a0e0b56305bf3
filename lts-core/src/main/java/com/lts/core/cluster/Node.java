package com.lts.core.cluster;

import java.util.Objects;

/**
 * One running LTS node as the registry shows it. Two nodes are the same node when their identities
 * are equal.
 */
public class Node {

  private String identity;
  private NodeType nodeType;
  private String clusterName;
  private String group;
  private String ip;
  private int port;
  private String hostName;
  private int threads;
  private long createTime;
  private String version;

  public Node() {}

  public String getIdentity() {
    return identity;
  }

  public void setIdentity(String identity) {
    this.identity = identity;
  }

  public NodeType getNodeType() {
    return nodeType;
  }

  public void setNodeType(NodeType nodeType) {
    this.nodeType = nodeType;
  }

  public String getClusterName() {
    return clusterName;
  }

  public void setClusterName(String clusterName) {
    this.clusterName = clusterName;
  }

  /** The node group: for a TaskTracker the group its jobs are submitted to. */
  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }

  public String getIp() {
    return ip;
  }

  public void setIp(String ip) {
    this.ip = ip;
  }

  /** The RPC port the node listens on, or 0 for pure clients (JobClient, TaskTracker). */
  public int getPort() {
    return port;
  }

  public void setPort(int port) {
    this.port = port;
  }

  public String getHostName() {
    return hostName;
  }

  public void setHostName(String hostName) {
    this.hostName = hostName;
  }

  /** Worker threads (TaskTracker) or request threads (JobTracker). */
  public int getThreads() {
    return threads;
  }

  public void setThreads(int threads) {
    this.threads = threads;
  }

  /** When the node started, in epoch milliseconds. */
  public long getCreateTime() {
    return createTime;
  }

  public void setCreateTime(long createTime) {
    this.createTime = createTime;
  }

  /** The LTS version the node runs. */
  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  /** {@code ip:port}. */
  public String getAddress() {
    return ip + ":" + port;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Node other && Objects.equals(identity, other.identity);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(identity);
  }

  @Override
  public String toString() {
    return nodeType + "{" + identity + ", group=" + group + ", " + getAddress() + "}";
  }
}
