package com.lts.core.registry;

import static com.lts.core.cluster.NodeType.JOB_TRACKER;
import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.cluster.Node;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What every master election must guarantee, run against each backend by a subclass: one master
 * among candidates, a growing epoch, mastership lost at once with the connection, and listeners
 * told on every candidate.
 */
public abstract class MasterElectorContractTest extends RegistryTestSupport {

  /** Every state any candidate was told, in the order they were told. */
  private final List<Told> told = Collections.synchronizedList(new ArrayList<>());

  private final AtomicLong sequence = new AtomicLong();

  /** Ends the master's session (or lease) the way a crash of its connection would. */
  protected abstract void killSession(Candidate master) throws Exception;

  /** Lets a candidate whose session was killed reach the server again (if it cannot by itself). */
  protected void reviveSession(Candidate candidate) throws Exception {}

  /** One candidate: its own registry, reached through its own proxy. */
  protected final class Candidate {
    final String id;
    final TcpProxy proxy;
    final Registry registry;
    final MasterElector elector;
    final List<String> changes = Collections.synchronizedList(new ArrayList<>());

    Candidate(String id) throws IOException {
      this.id = id;
      this.proxy = MasterElectorContractTest.this.proxy();
      this.registry = openVia(proxy);
      Node node = node(JOB_TRACKER, id, "jt", System.currentTimeMillis());
      this.elector = registry.masterElector(node);
      elector.addStateListener(
          state ->
              told.add(
                  new Told(
                      sequence.incrementAndGet(),
                      id,
                      state.master() == null ? null : state.master().getIdentity(),
                      state.epoch(),
                      state.isMaster())));
      elector.addListener(
          (master, isMaster) ->
              changes.add((master == null ? "none" : master.getIdentity()) + "/" + isMaster));
      elector.start();
    }

    public Registry registry() {
      return registry;
    }

    /** The proxy between this candidate and the server. */
    public TcpProxy link() {
      return proxy;
    }
  }

  /** Describes the candidates' states when a wait times out. */
  private record Describe(List<Candidate> candidates) {
    @Override
    public String toString() {
      return candidates.stream()
          .map(c -> c.id + "=" + c.elector.state() + " isMaster=" + c.elector.isMaster())
          .toList()
          .toString();
    }
  }

  /** One state told to one candidate. */
  private record Told(long seq, String candidate, String master, long epoch, boolean isMaster) {}

  private List<Candidate> threeCandidates() throws IOException {
    return List.of(new Candidate("JT_A"), new Candidate("JT_B"), new Candidate("JT_C"));
  }

  /** Waits until exactly one candidate is master and every other one agrees who it is. */
  private Candidate awaitAgreedMaster(List<Candidate> candidates) {
    await()
        .alias("one master that all agree on; states: " + new Describe(candidates))
        .until(
            () -> {
              // isMaster() turns true a moment before the elector reports its new state; wait
              // for both, so the epoch read below is the new master's.
              List<Candidate> masters =
                  candidates.stream()
                      .filter(c -> c.elector.isMaster() && c.elector.state().isMaster())
                      .toList();
              if (masters.size() != 1) {
                return false;
              }
              MasterState state = masters.get(0).elector.state();
              return candidates.stream()
                  .allMatch(
                      c ->
                          c.elector.state().master() != null
                              && c.elector.state().master().equals(state.master())
                              && c.elector.state().epoch() == state.epoch());
            });
    return candidates.stream()
        .filter(c -> c.elector.isMaster() && c.elector.state().isMaster())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void exactlyOneOfThreeCandidatesIsMaster() throws IOException {
    List<Candidate> candidates = threeCandidates();

    Candidate master = awaitAgreedMaster(candidates);

    assertThat(master.elector.state().isMaster()).isTrue();
    assertThat(master.elector.state().epoch()).isPositive();
    assertThat(master.elector.state().master().getIdentity()).isEqualTo(master.id);
    for (Candidate candidate : candidates) {
      assertThat(candidate.changes).contains(master.id + "/" + (candidate == master));
    }
    assertNeverTwoMastersWithOneEpoch();
  }

  @Test
  void aRegistryOutsideTheElectionReadsWhoIsMaster() throws Exception {
    Registry observer = open();
    assertThat(observer.master(JOB_TRACKER, "jt")).isEmpty();
    List<Candidate> candidates = threeCandidates();
    Candidate first = awaitAgreedMaster(candidates);
    assertThat(observer.master(JOB_TRACKER, "jt").orElseThrow().getIdentity()).isEqualTo(first.id);
    assertThat(observer.master(JOB_TRACKER, "other")).isEmpty();

    first.elector.close();
    List<Candidate> rest = candidates.stream().filter(c -> c != first).toList();
    Candidate second = awaitAgreedMaster(rest);
    await()
        .until(
            () ->
                observer
                    .master(JOB_TRACKER, "jt")
                    .map(Node::getIdentity)
                    .orElse("")
                    .equals(second.id));
  }

  @Test
  void masterWhoseSessionDiesIsReplacedWithAHigherEpoch() throws Exception {
    List<Candidate> candidates = threeCandidates();
    Candidate first = awaitAgreedMaster(candidates);
    long firstEpoch = first.elector.state().epoch();

    killSession(first);

    await().until(() -> candidates.stream().anyMatch(c -> c != first && c.elector.isMaster()));
    reviveSession(first);
    Candidate second = awaitAgreedMaster(candidates);
    assertThat(second).isNotSameAs(first);
    assertThat(second.elector.state().epoch()).isGreaterThan(firstEpoch);
    assertThat(first.changes).contains(first.id + "/true", second.id + "/false");
    for (Candidate candidate : candidates) {
      assertThat(candidate.changes).contains(second.id + "/" + (candidate == second));
    }
    assertNeverTwoMastersWithOneEpoch();
  }

  @Test
  void cutOffMasterStopsBeingMasterBeforeAnotherOneStarts() throws Exception {
    List<Candidate> candidates = threeCandidates();
    Candidate first = awaitAgreedMaster(candidates);

    first.proxy.cut();

    await().until(() -> !first.elector.isMaster());
    await().until(() -> candidates.stream().anyMatch(c -> c != first && c.elector.isMaster()));
    assertThat(first.changes).endsWith("none/false");
    assertNoOverlappingMasters();

    first.proxy.restore();

    Candidate second = awaitAgreedMaster(candidates);
    assertThat(second).isNotSameAs(first);
    assertThat(first.elector.isMaster()).isFalse();
    assertNeverTwoMastersWithOneEpoch();
    assertNoOverlappingMasters();
  }

  @Test
  void closedMasterHandsOverAndIsToldItIsNoLongerMaster() throws IOException {
    List<Candidate> candidates = threeCandidates();
    Candidate first = awaitAgreedMaster(candidates);
    long firstEpoch = first.elector.state().epoch();

    first.elector.close();

    List<Candidate> rest = candidates.stream().filter(c -> c != first).toList();
    Candidate second = awaitAgreedMaster(rest);
    assertThat(second.elector.state().epoch()).isGreaterThan(firstEpoch);
    await().until(() -> first.changes.get(first.changes.size() - 1).equals("none/false"));
    assertThat(first.elector.isMaster()).isFalse();
    assertNeverTwoMastersWithOneEpoch();
  }

  /** Each epoch was claimed by one candidate only, and claims came in growing epochs. */
  private void assertNeverTwoMastersWithOneEpoch() {
    Map<Long, Set<String>> claimsByEpoch = new HashMap<>();
    List<Long> claimedEpochs = new ArrayList<>();
    synchronized (told) {
      for (Told t : told) {
        if (t.isMaster()) {
          claimsByEpoch.computeIfAbsent(t.epoch(), e -> new HashSet<>()).add(t.candidate());
          claimedEpochs.add(t.epoch());
        }
      }
    }
    assertThat(claimsByEpoch).isNotEmpty();
    claimsByEpoch.forEach(
        (epoch, claimants) -> assertThat(claimants).as("claimants of epoch " + epoch).hasSize(1));
    assertThat(claimedEpochs).isSorted();
  }

  /** Replaying what candidates were told, never two of them believed they were master. */
  private void assertNoOverlappingMasters() {
    Set<String> masters = new HashSet<>();
    synchronized (told) {
      for (Told t : told.stream().sorted((a, b) -> Long.compare(a.seq(), b.seq())).toList()) {
        if (t.isMaster()) {
          masters.add(t.candidate());
        } else {
          masters.remove(t.candidate());
        }
        assertThat(masters).as("masters after event " + t).hasSizeLessThanOrEqualTo(1);
      }
    }
  }
}
