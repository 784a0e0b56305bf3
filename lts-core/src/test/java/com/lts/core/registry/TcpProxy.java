package com.lts.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback TCP forwarder in front of a real server, so a test can cut one client off (close its
 * connections and refuse new ones) or stall it (keep every connection open but forward nothing, as
 * a silent network cut does) and let it back in, without touching the server others use.
 */
public final class TcpProxy implements AutoCloseable {

  private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Set<Socket> open = new HashSet<>();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "test-tcp-proxy");
            thread.setDaemon(true);
            return thread;
          });
  private boolean cut;
  private boolean stalled;
  private volatile boolean closed;

  public TcpProxy(String host, int port) throws IOException {
    this.target = new InetSocketAddress(host, port);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptLoop);
  }

  public int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;
      }
      Socket upstream = new Socket();
      try {
        upstream.connect(target, CONNECT_TIMEOUT_MILLIS);
      } catch (IOException e) {
        closeQuietly(client);
        closeQuietly(upstream);
        continue;
      }
      synchronized (this) {
        if (cut || closed) {
          closeQuietly(client);
          closeQuietly(upstream);
          continue;
        }
        open.add(client);
        open.add(upstream);
      }
      threads.execute(() -> pump(client, upstream));
      threads.execute(() -> pump(upstream, client));
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[8192];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int read;
      while ((read = in.read(buffer)) != -1) {
        awaitFlowing();
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException e) {
      // The other side went away, or the test cut the connection.
    } finally {
      synchronized (this) {
        open.remove(from);
        open.remove(to);
      }
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private synchronized void awaitFlowing() throws IOException {
    while (stalled && !closed) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while stalled", e);
      }
    }
  }

  /**
   * Forwards nothing more, in either direction, on open or new connections, without closing any:
   * the peers see silence, not a reset, until {@link #flow()}.
   */
  public synchronized void stall() {
    stalled = true;
  }

  /** Forwards again what was held back by {@link #stall()}, and everything after it. */
  public synchronized void flow() {
    stalled = false;
    notifyAll();
  }

  /** Closes every forwarded connection and refuses new ones until {@link #restore()}. */
  public synchronized void cut() {
    cut = true;
    open.forEach(TcpProxy::closeQuietly);
    open.clear();
  }

  public synchronized void restore() {
    cut = false;
  }

  @Override
  public void close() {
    closed = true;
    flow();
    closeQuietly(server);
    cut();
    threads.shutdownNow();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Closing is best effort here.
    }
  }
}
