package com.lts.remoting.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.domain.Response;
import com.lts.remoting.Loopback;
import com.lts.remoting.SampleBodies;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.JobSubmitRequest;
import com.lts.remoting.internal.server.RemotingServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrentRequestsTest {

  private static final int CLIENTS = 4;
  private static final int REQUESTS = 10_000;

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  @Test
  void tenThousandConcurrentRequestsFromFourClientsAreEachAnsweredWithTheirOwnResponse()
      throws Exception {
    RemotingServer server = new RemotingServer(Loopback.serverSettings(null).build());
    toClose.add(server);
    server.registerProcessor(
        Command.SUBMIT_JOB,
        (channel, request) ->
            Response.success(channel.peer().identity(), request.getJobs().get(0).getTaskId()));
    server.start();
    List<RemotingClient> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      RemotingClient client =
          Loopback.connectedClient(
              Loopback.clientSettings("tt-" + c, null, server.port())
                  .requestTimeout(Duration.ofSeconds(60))
                  .build());
      toClose.add(0, client);
      clients.add(client);
    }

    List<CompletableFuture<Response>> futures = new ArrayList<>(REQUESTS);
    for (int i = 0; i < REQUESTS; i++) {
      RemotingClient client = clients.get(i % CLIENTS);
      futures.add(
          client.invokeAsync(
              Command.SUBMIT_JOB, new JobSubmitRequest(List.of(SampleBodies.job("task-" + i)))));
    }
    CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(90, TimeUnit.SECONDS);

    for (int i = 0; i < REQUESTS; i++) {
      Response response = futures.get(i).join();
      assertThat(response.getMsg()).as("response to request %d", i).isEqualTo("task-" + i);
      assertThat(response.getCode()).isEqualTo("tt-" + (i % CLIENTS));
    }
  }
}
