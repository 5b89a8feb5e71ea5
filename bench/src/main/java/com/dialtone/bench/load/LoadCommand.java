package com.dialtone.bench.load;

import com.dialtone.server.config.HumanDuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./dialtone bench}: the load generator. Starts a Dialtone server with generated agents in a process of
 * its own (or targets a running one), drives it with one real CometD client session per agent, and prints
 * what docs/BENCHMARKS.md records: calls per second, latency percentiles, notifications missing, the raw
 * CometD baseline beside it, and the memory of idle sessions.
 */
@Command(name = "dialtone bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The load generator: N agents in a dial / hang up loop against a Dialtone server, a raw CometD "
                + "baseline beside it, and M idle sessions held. JMH microbenchmarks: ./dialtone bench jmh [JMH options]."},
        footer = {"", "Exit status: 0 when no error and no missing notification, 1 otherwise; with --require-targets, "
                + "3 when a target is missed."})
public final class LoadCommand implements Callable<Integer> {

    @Option(names = "--agents", description = "Agents calling at once, each with its own CometD session (default: ${DEFAULT-VALUE}).")
    int agents = 1000;

    @Option(names = "--transport", description = "long-polling or websocket (default: ${DEFAULT-VALUE}).")
    String transport = "long-polling";

    @Option(names = "--warmup", converter = DurationConverter.class, description = "Warm-up of each phase: on two cores, under this load, the JIT compilers need about a minute "
            + "before the numbers settle (default: 60s).")
    Duration warmup = Duration.ofSeconds(60);

    @Option(names = "--duration", converter = DurationConverter.class, description = "Measured time of each phase (default: 30s).")
    Duration duration = Duration.ofSeconds(30);

    @Option(names = "--paced-rate", description = "Calls per second of the paced phase, for latency under a given load; "
            + "0 skips it (default: ${DEFAULT-VALUE}, half the 1,000 calls/s target).")
    double pacedRate = 500;

    @Option(names = "--idle", description = "Idle CometD sessions to hold at once, for memory; 0 skips it (default: ${DEFAULT-VALUE}).")
    int idle = 10_000;

    @Option(names = "--no-baseline", description = "Skip the raw CometD baseline.")
    boolean noBaseline;

    @Option(names = "--timeout", converter = DurationConverter.class,
            description = "How long a notification may take before it counts as missing (default: 5s).")
    Duration timeout = Duration.ofSeconds(5);

    @Option(names = "--server-java-options", description = "JVM options of the servers started (default: ${DEFAULT-VALUE}).")
    String serverJavaOptions = "-Xmx1g";

    @Option(names = "--url", description = "Target a running Dialtone server (e.g. http://127.0.0.1:8090) instead of starting one; "
            + "it must have the generated users: see --write-config.")
    String url;

    @Option(names = "--server-pid", description = "With --url: the server's process id, to measure its memory.")
    long serverPid;

    @Option(names = "--write-config", paramLabel = "FILE",
            description = "Only write the configuration of the generated contact centre (agents + idle users) and exit; "
                    + "start a server with it: ./dialtone serve --config FILE --data EMPTY_DIR")
    Path writeConfig;

    @Option(names = "--require-targets", description = "Exit with 3 when a target of docs/BENCHMARKS.md is missed.")
    boolean requireTargets;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!transport.equals("long-polling") && !transport.equals("websocket")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--transport must be long-polling or websocket");
        }
        if (agents < 1 || idle < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--agents must be at least 1 and --idle at least 0");
        }
        int users = agents + idle;
        if (writeConfig != null) {
            GeneratedContactCenter.write(writeConfig, users);
            System.out.println("Wrote " + users + " generated agents to " + writeConfig);
            return 0;
        }
        Report report = new Report(agents, transport, warmup, duration);
        ServerProcess server = null;
        Path data = null;
        try {
            String base = url;
            long pid = serverPid;
            if (base == null) {
                data = Files.createTempDirectory("dialtone-bench-data");
                Path config = data.resolve("load.yaml");
                GeneratedContactCenter.write(config, users);
                System.err.println("Starting Dialtone with " + users + " generated agents (" + serverJavaOptions + ")...");
                server = ServerProcess.start("dialtone", javaOptions(), "com.dialtone.server.Main",
                        List.of("serve", "--port", "0", "--config", config.toString(), "--data", data.resolve("db").toString()),
                        Pattern.compile("is listening on (http\\S+)"));
                base = server.url();
                pid = server.pid();
            }
            report.server(base, server != null ? serverJavaOptions : null);
            String api = base + "/api/v2";
            try (Clients clients = new Clients(transport, Math.max(agents, idle + 1))) {
                LoadRun run = new LoadRun(clients.scheduler, timeout);
                List<Agent> fleet = connectAgents(clients, api, GeneratedContactCenter.userNames(1, agents));
                report.add(run.run(fleet, new Phase("Dialtone, full speed", agents, false, pid), 0, warmup, duration));
                if (pacedRate > 0) {
                    report.paced(pacedRate, run.run(fleet, new Phase(String.format("Dialtone, paced at %,.0f calls/s", pacedRate),
                            agents, false, pid), pacedRate, warmup, duration));
                }
                Clients.disconnectAll(fleet.stream().map(agent -> agent.cometd).toList());
                if (!noBaseline) {
                    report.baseline(rawBaseline(clients, run));
                }
                if (idle > 0) {
                    report.idle(idleSessions(clients, run, api, pid));
                }
            }
        } finally {
            if (server != null) {
                server.close();
            }
            if (data != null) {
                deleteTree(data);
            }
        }
        report.print(System.out);
        if (report.errorsOrMissing() > 0) {
            return 1;
        }
        return requireTargets && !report.targetsMet() ? 3 : 0;
    }

    private List<String> javaOptions() {
        return Arrays.stream(serverJavaOptions.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
    }

    private List<Agent> connectAgents(Clients clients, String api, List<String> userNames) {
        System.err.println("Logging in " + userNames.size() + " agents and connecting their CometD sessions (" + transport + ")...");
        CallControl control = new GwsCallControl(clients, api, GeneratedContactCenter.DESTINATION);
        List<Agent> fleet = new ArrayList<>();
        List<Clients.Login> logins = clients.login(api, userNames, GeneratedContactCenter.PASSWORD);
        clients.connectAll(logins, login -> clients.connect(api + "/notifications", login.sessionCookie(), "/v2/me/calls",
                cometd -> {
                    Agent agent = new Agent(login.userName(), login.sessionCookie(), login.deviceId(), cometd, control, clients.scheduler);
                    synchronized (fleet) {
                        fleet.add(agent);
                    }
                    return (ClientSessionChannel.MessageListener) (channel, message) -> agent.onMessage(message);
                }));
        return fleet;
    }

    private Phase rawBaseline(Clients clients, LoadRun run) throws Exception {
        System.err.println("Starting the raw CometD server for the baseline...");
        try (ServerProcess raw = ServerProcess.start("raw-cometd", javaOptions(), RawCometdServer.class.getName(), List.of("0"),
                Pattern.compile("is listening on (http\\S+)"))) {
            CallControl control = new RawCallControl();
            List<Agent> fleet = new ArrayList<>();
            List<Integer> indexes = java.util.stream.IntStream.range(0, agents).boxed().toList();
            clients.connectAll(indexes, i -> clients.connect(raw.url(), null, RawCometdServer.CHANNEL, cometd -> {
                Agent agent = new Agent("raw" + i, null, null, cometd, control, clients.scheduler);
                synchronized (fleet) {
                    fleet.add(agent);
                }
                return (ClientSessionChannel.MessageListener) (channel, message) -> agent.onMessage(message);
            }));
            Phase phase = run.run(fleet, new Phase("Raw CometD baseline, full speed", agents, true, raw.pid()), 0, warmup, duration);
            Clients.disconnectAll(fleet.stream().map(agent -> agent.cometd).toList());
            return phase;
        }
    }

    private IdleSessions idleSessions(Clients clients, LoadRun run, String api, long pid) throws Exception {
        ServerMemory before = pid > 0 ? ServerMemory.of(pid) : null;
        System.err.println("Logging in " + idle + " more users and holding their CometD sessions (" + transport + ")...");
        List<Clients.Login> logins = clients.login(api, GeneratedContactCenter.userNames(agents + 1, idle), GeneratedContactCenter.PASSWORD);
        List<BayeuxClient> sessions = new ArrayList<>();
        LongAdder received = new LongAdder();
        clients.connectAll(logins, login -> clients.connect(api + "/notifications", login.sessionCookie(), "/v2/me/calls", cometd -> {
            synchronized (sessions) {
                sessions.add(cometd);
            }
            return (ClientSessionChannel.MessageListener) (channel, message) -> received.increment();
        }));
        Thread.sleep(2_000); // let every session settle into its long poll
        ServerMemory with = pid > 0 ? ServerMemory.of(pid) : null;
        int connected = (int) sessions.stream().filter(BayeuxClient::isConnected).count();
        Duration probeDuration = duration.dividedBy(3).compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : duration.dividedBy(3);
        List<Agent> probe = connectAgents(clients, api, List.of(GeneratedContactCenter.userName(1)));
        Phase phase = run.run(probe, new Phase(String.format("One agent's calls while %,d idle sessions are held", idle), 1, false, pid),
                0, Duration.ofSeconds(2), probeDuration);
        Clients.disconnectAll(probe.stream().map(agent -> agent.cometd).toList());
        Clients.disconnectAll(sessions);
        return new IdleSessions(idle, connected, before, with, phase);
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return HumanDuration.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration; write it like 500ms, 10s or 2m"));
        }
    }
}
