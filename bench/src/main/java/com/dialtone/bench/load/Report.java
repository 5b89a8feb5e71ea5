package com.dialtone.bench.load;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** The table printed at the end of a run: what docs/BENCHMARKS.md records. */
final class Report {

    static final double TARGET_CALLS_PER_SECOND = 1_000;
    static final int TARGET_AGENTS = 1_000;
    static final double TARGET_P99_MILLIS = 25;
    static final int TARGET_IDLE_SESSIONS = 10_000;
    static final long TARGET_IDLE_HEAP = 1L << 30;
    static final double TARGET_RATIO = 0.5;

    private final int agents;
    private final String transport;
    private final Duration warmup;
    private final Duration duration;
    private final List<Phase> phases = new ArrayList<>();
    private String server;
    private String serverJavaOptions;
    private Phase full;
    private Phase paced;
    private double pacedRate;
    private Phase baseline;
    private IdleSessions idle;
    private final List<String[]> targets = new ArrayList<>();

    Report(int agents, String transport, Duration warmup, Duration duration) {
        this.agents = agents;
        this.transport = transport;
        this.warmup = warmup;
        this.duration = duration;
    }

    void server(String url, String javaOptions) {
        this.server = url;
        this.serverJavaOptions = javaOptions;
    }

    void add(Phase phase) {
        phases.add(phase);
        full = phase;
    }

    void paced(double rate, Phase phase) {
        phases.add(phase);
        paced = phase;
        pacedRate = rate;
    }

    void baseline(Phase phase) {
        phases.add(phase);
        baseline = phase;
    }

    void idle(IdleSessions sessions) {
        phases.add(sessions.probe());
        idle = sessions;
    }

    long errorsOrMissing() {
        return phases.stream().mapToLong(phase -> phase.errors.sum() + phase.missing.sum()).sum();
    }

    boolean targetsMet() {
        return targets.stream().noneMatch(target -> target[2].equals("MISSED"));
    }

    void print(PrintStream out) {
        out.println();
        out.printf("Dialtone load generator, %s: %,d agents, %s, %d s measured after %d s of warm-up per phase%n",
                LocalDate.now(), agents, transport, duration.toSeconds(), warmup.toSeconds());
        out.printf("Machine: %d cores, %s %s, %s %s; server %s%s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), server, serverJavaOptions == null ? "" : " (" + serverJavaOptions + ")");
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        out.printf("Load generator JVM options: %s%n", jvm.isEmpty() ? "(none)" : String.join(" ", jvm));
        for (Phase phase : phases) {
            out.println();
            out.println(phase.title + (phase.agents == agents ? "" : " (" + phase.agents + " agent" + (phase.agents == 1 ? "" : "s") + ")"));
            out.printf("  %-34s %,12d %,12.1f /s%n", "complete calls", phase.completeCalls.sum(), phase.perSecond(phase.completeCalls));
            out.printf("  %-34s %,12d %,12.1f /s%n", "notifications received", phase.notifications.sum(), phase.perSecond(phase.notifications));
            if (phase.serverCores() >= 0) {
                out.printf("  %-34s %12.2f %12.2f generator%n", "CPU cores used: server", phase.serverCores(), phase.generatorCores());
                double calls = phase.perSecond(phase.completeCalls);
                if (calls > 0) {
                    out.printf("  %-34s %12.3f %12.3f generator%n", "CPU ms per complete call: server",
                            1000 * phase.serverCores() / calls, 1000 * phase.generatorCores() / calls);
                }
                out.printf("  %-34s %s%n", "busiest server threads, cores", phase.busiestServerThreads(4).stream()
                        .map(thread -> String.format("%s %.2f", thread.getKey(), thread.getValue())).collect(Collectors.joining(", ")));
            }
            out.printf("  %-34s %,12d%n", "errors", phase.errors.sum());
            out.printf("  %-34s %,12d%n", "notifications missing", phase.missing.sum());
            if (phase.firstError() != null) {
                out.printf("  first: %s%n", phase.firstError());
            }
            out.printf("  %-34s %9s %9s %9s %9s %9s%n", "latency, ms", "p50", "p90", "p99", "max", "count");
            for (Latency latency : phase.latencies()) {
                Histogram h = latency.histogram();
                out.printf("  %-34s %9.2f %9.2f %9.2f %9.2f %,9d%n", latency.name(), ms(h.getValueAtPercentile(50)),
                        ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()), h.getTotalCount());
            }
        }
        if (baseline != null && full != null) {
            out.println();
            out.printf("Notification rate, Dialtone / raw CometD: %,.1f / %,.1f = %.2f%n", full.perSecond(full.notifications),
                    baseline.perSecond(baseline.notifications), ratio());
        }
        if (idle != null) {
            out.println();
            out.printf("Idle sessions: %,d held, %,d connected at the measurement%n", idle.sessions(), idle.connected());
            if (idle.before() != null) {
                out.printf("  %-34s %12s %12s %14s%n", "server memory", "before", "with them", "per session");
                out.printf("  %-34s %9.1f MiB %8.1f MiB %11.1f KiB%n", "heap in use after a full GC", mib(idle.before().heapUsedBytes()),
                        mib(idle.with().heapUsedBytes()), idle.heapPerSession() / 1024.0);
                out.printf("  %-34s %9.1f MiB %8.1f MiB %11.1f KiB%n", "process resident set", mib(idle.before().residentBytes()),
                        mib(idle.with().residentBytes()), idle.residentPerSession() / 1024.0);
            } else {
                out.println("  server memory not measured (a --url server without --server-pid)");
            }
        }
        evaluateTargets();
        out.println();
        out.printf("  %-56s %-28s %s%n", "target", "measured", "");
        for (String[] target : targets) {
            out.printf("  %-56s %-28s %s%n", target[0], target[1], target[2]);
        }
    }

    private void evaluateTargets() {
        targets.clear();
        if (full != null) {
            double rate = full.perSecond(full.completeCalls);
            boolean applies = agents >= TARGET_AGENTS;
            targets.add(new String[] {String.format("≥ %,.0f complete calls/s, %,d agents, none missing", TARGET_CALLS_PER_SECOND, TARGET_AGENTS),
                    String.format("%,.0f calls/s, %,d missing", rate, full.missing.sum()),
                    !applies ? "not run (fewer agents)" : rate >= TARGET_CALLS_PER_SECOND && full.missing.sum() == 0 ? "met" : "MISSED"});
        }
        if (paced != null) {
            double p99 = ms(paced.dialToDialing.histogram().getValueAtPercentile(99));
            boolean applies = agents >= TARGET_AGENTS && pacedRate >= TARGET_CALLS_PER_SECOND / 2;
            targets.add(new String[] {String.format("p99 POST Dial -> Dialing < %.0f ms at %,.0f calls/s", TARGET_P99_MILLIS, TARGET_CALLS_PER_SECOND / 2),
                    String.format("%.2f ms at %,.0f calls/s", p99, paced.perSecond(paced.completeCalls)),
                    !applies ? "not run (lower rate)" : p99 < TARGET_P99_MILLIS ? "met" : "MISSED"});
        }
        if (idle != null && idle.with() != null) {
            boolean applies = idle.sessions() >= TARGET_IDLE_SESSIONS;
            targets.add(new String[] {String.format("%,d idle sessions in < 1 GiB of heap", TARGET_IDLE_SESSIONS),
                    String.format("%,.0f MiB for %,d", mib(idle.with().heapUsedBytes()), idle.connected()),
                    !applies ? "not run (fewer sessions)" : idle.connected() == idle.sessions() && idle.with().heapUsedBytes() < TARGET_IDLE_HEAP
                            ? "met" : "MISSED"});
        }
        if (baseline != null && full != null) {
            targets.add(new String[] {String.format("notification rate ≥ %.1f × raw CometD's, %,d agents", TARGET_RATIO, TARGET_AGENTS),
                    String.format("%.2f ×", ratio()), agents < TARGET_AGENTS ? "not run (fewer agents)" : ratio() >= TARGET_RATIO ? "met" : "MISSED"});
        }
    }

    private double ratio() {
        double raw = baseline.perSecond(baseline.notifications);
        return raw == 0 ? 0 : full.perSecond(full.notifications) / raw;
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
