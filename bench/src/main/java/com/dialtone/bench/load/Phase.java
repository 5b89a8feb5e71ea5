package com.dialtone.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one phase of a run counts and measures. Agents record into it from client threads; only what
 * happens between the end of the warm-up and the end of the window counts (except missing notifications
 * and errors, which count whenever they happen: none is ever acceptable).
 */
final class Phase {

    final String title;
    final Latency dialReply;
    final Latency dialToDialing;
    final Latency dialingToEstablished;
    final Latency hangupToReleased;
    final LongAdder completeCalls = new LongAdder();
    final LongAdder notifications = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder missing = new LongAdder();
    final int agents;
    private final long serverPid;
    private long serverCpuStart;
    private long serverCpuEnd;
    private long ownCpuStart;
    private long ownCpuEnd;
    private Map<String, Long> serverThreadsStart = Map.of();
    private Map<String, Long> serverThreadsEnd = Map.of();
    private volatile boolean measuring;
    private long windowStart;
    private long windowEnd;
    private volatile String firstError;

    Phase(String title, int agents, boolean raw, long serverPid) {
        this.title = title;
        this.serverPid = serverPid;
        this.agents = agents;
        String operation = raw ? "publish" : "POST";
        dialReply = new Latency(operation + " dial -> its reply");
        dialToDialing = new Latency(operation + " dial -> Dialing");
        dialingToEstablished = new Latency("Dialing -> Established");
        hangupToReleased = new Latency(raw ? "publish hangup -> Released" : "POST Hangup -> Released");
    }

    List<Latency> latencies() {
        return List.of(dialReply, dialToDialing, dialingToEstablished, hangupToReleased);
    }

    boolean measuring() {
        return measuring;
    }

    void startMeasuring() {
        latencies().forEach(Latency::reset);
        completeCalls.reset();
        notifications.reset();
        serverCpuStart = ProcessCpu.nanos(serverPid);
        serverThreadsStart = ProcessCpu.byThread(serverPid);
        ownCpuStart = ProcessCpu.nanos(ProcessHandle.current().pid());
        windowStart = System.nanoTime();
        measuring = true;
    }

    void stopMeasuring() {
        measuring = false;
        windowEnd = System.nanoTime();
        serverCpuEnd = ProcessCpu.nanos(serverPid);
        serverThreadsEnd = ProcessCpu.byThread(serverPid);
        ownCpuEnd = ProcessCpu.nanos(ProcessHandle.current().pid());
        latencies().forEach(Latency::histogram);
    }

    Duration window() {
        return Duration.ofNanos(windowEnd - windowStart);
    }

    double perSecond(LongAdder counter) {
        return counter.sum() / (window().toNanos() / 1e9);
    }

    /** Cores the server used on average during the window; negative when unknown. */
    double serverCores() {
        return cores(serverCpuStart, serverCpuEnd);
    }

    /** Cores the load generator used on average during the window. */
    double generatorCores() {
        return cores(ownCpuStart, ownCpuEnd);
    }

    /** The server's busiest kinds of thread in the window, with the cores each used on average. */
    List<Map.Entry<String, Double>> busiestServerThreads(int count) {
        return serverThreadsEnd.entrySet().stream()
                .map(end -> Map.entry(end.getKey(), cores(serverThreadsStart.getOrDefault(end.getKey(), 0L), end.getValue())))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(count).toList();
    }

    private double cores(long start, long end) {
        return start < 0 || end < 0 ? -1 : (double) (end - start) / (windowEnd - windowStart);
    }

    void error(String what) {
        errors.increment();
        if (firstError == null) {
            firstError = what;
        }
    }

    void missing(String what) {
        missing.increment();
        if (firstError == null) {
            firstError = what;
        }
    }

    String firstError() {
        return firstError;
    }
}
