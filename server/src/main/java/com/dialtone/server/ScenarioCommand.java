package com.dialtone.server;

import com.dialtone.server.config.ConfigException;
import com.dialtone.server.config.ConfigLoader;
import com.dialtone.server.scenarios.Plan;
import com.dialtone.server.scenarios.Scenario;
import com.dialtone.server.scenarios.ScenarioException;
import com.dialtone.server.scenarios.ScenarioParser;
import com.dialtone.server.sim.AdminClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dialtone scenario} (beside {@link Main}, as it may start a server): runs, checks, lists, watches and stops scenarios (docs/test-lab.md). */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Scenarios of simulated customers: run a file against a running server (or one started for it), check, list, show, stop.",
        subcommands = {ScenarioCommand.Run.class, ScenarioCommand.Check.class, ScenarioCommand.ListRuns.class, ScenarioCommand.Show.class,
                ScenarioCommand.Stop.class})
public final class ScenarioCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Where the server is and who asks. */
    static final class Server {
        @Option(names = "--server", defaultValue = "http://127.0.0.1:8090", description = "The server (default: ${DEFAULT-VALUE}).")
        String url;

        @Option(names = "--user", defaultValue = "admin", description = "A user with ROLE_ADMIN (default: ${DEFAULT-VALUE}).")
        String user;

        @Option(names = "--password", defaultValue = "${env:DIALTONE_PASSWORD:-demo}", description = "Its password (default: $DIALTONE_PASSWORD, else demo).")
        String password;

        AdminClient client() {
            return new AdminClient(url, user, password);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Runs a scenario file and watches it to its end, then prints what happened to each customer and the totals.",
                    "Ctrl+C stops the run. Example: dialtone scenario run examples/scenarios/morning-rush.yaml"})
    static final class Run implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The scenario (YAML).")
        Path file;

        @Mixin
        Server server;

        @Option(names = "--detach", description = "Start the run and return at once, printing its id.")
        boolean detach;

        @Option(names = "--serve", description = "Start a server in this process for the run (the demo contact centre, or --config), "
                + "on --server's port, with its data in a temporary folder; it stops when the run ends.")
        boolean serve;

        @Option(names = "--config", paramLabel = "FILE", description = "With --serve: the configuration file.")
        Path config;

        @Option(names = "--quiet", description = "Print only the report, not each step as it happens.")
        boolean quiet;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String text;
            try {
                text = Files.readString(file);
                ScenarioParser.parse(text, file.toString());
            } catch (IOException e) {
                err.println("dialtone: cannot read " + file + ": " + e.getMessage());
                return 2;
            } catch (ScenarioException e) {
                err.println("dialtone: " + e.getMessage());
                return 2;
            }
            DialtoneServer started = null;
            Path data = null;
            try {
                AdminClient client;
                if (serve) {
                    data = Files.createTempDirectory("dialtone-scenario");
                    try {
                        java.net.URI uri = java.net.URI.create(server.url);
                        started = new DialtoneServer(ConfigLoader.load(config).withListenAddress(uri.getHost(), uri.getPort() < 0 ? 8090 : uri.getPort())
                                .withDataDir(data.toString())).start();
                    } catch (ConfigException e) {
                        err.println("dialtone: " + e.getMessage());
                        return 2;
                    }
                    out.println("Dialtone is listening on " + started.localUrl() + " for this run (agent desktop: " + started.localUrl() + "/)");
                    client = new AdminClient(started.localUrl(), server.user, server.password);
                } else {
                    client = server.client();
                }
                return run(client, text, out, err);
            } catch (AdminClient.Failure e) {
                err.println("dialtone: " + e.getMessage() + (serve ? "" : "; or add --serve to start one for the run"));
                return 1;
            } finally {
                if (started != null) {
                    started.close();
                }
                if (data != null) {
                    try (Stream<Path> files = Files.walk(data)) {
                        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    }
                }
            }
        }

        private int run(AdminClient client, String text, PrintWriter out, PrintWriter err) throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("yaml", text);
            body.put("source", file.getFileName().toString());
            JsonNode run = client.post("/sim/scenarios", body).path("run");
            String id = run.path("id").asText();
            out.println("Run " + id + " of '" + run.path("name").asText() + "': " + run.path("customers").size() + " customers");
            out.println("  Watch:  dialtone scenario show " + id + "    Stop: dialtone scenario stop " + id);
            out.flush();
            if (detach) {
                return 0;
            }
            Thread stopper = new Thread(() -> {
                try {
                    client.post("/sim/scenarios/" + id, Map.of("operationName", "Stop"));
                } catch (AdminClient.Failure ignored) {
                    // the server went first
                }
            }, "dialtone-scenario-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            JsonNode report = watch(client, id, quiet ? null : out);
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C: the hook stops the run
            }
            printReport(report, out);
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Checks a scenario file without running it; prints its customers' timeline.")
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "FILE")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                Scenario scenario = ScenarioParser.parse(Files.readString(file), file.toString());
                var plan = Plan.of(scenario);
                out.println(file + ": '" + scenario.name() + "', " + plan.size() + " customers, the last calling at "
                        + (plan.isEmpty() ? "0" : plan.get(plan.size() - 1).at().toMillis() / 1000.0) + "s");
                for (Plan.Arrival arrival : plan.subList(0, Math.min(plan.size(), 50))) {
                    out.printf("  %8.3fs  #%-4d %s calls %s (%s)%n", arrival.at().toMillis() / 1000.0, arrival.index(), arrival.from(),
                            arrival.group().to(), arrival.group().label());
                }
                if (plan.size() > 50) {
                    out.println("  ... and " + (plan.size() - 50) + " more");
                }
                out.flush();
                return 0;
            } catch (IOException e) {
                spec.commandLine().getErr().println("dialtone: cannot read " + file + ": " + e.getMessage());
                return 2;
            } catch (ScenarioException e) {
                spec.commandLine().getErr().println("dialtone: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the server's scenario runs.")
    static final class ListRuns implements Callable<Integer> {

        @Mixin
        Server server;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                JsonNode runs = server.client().get("/sim/scenarios").path("runs");
                if (runs.isEmpty()) {
                    out.println("No scenario runs.");
                }
                for (JsonNode run : runs) {
                    JsonNode t = run.path("totals");
                    out.printf("%-4s %-9s %-32s %3d customers: %d answered, %d abandoned, %d waiting, %d talking (%.1fs)%n", run.path("id").asText(),
                            run.path("state").asText(), run.path("name").asText(), t.path("customers").asInt(), t.path("answered").asInt(),
                            t.path("abandoned").asInt(), t.path("waiting").asInt(), t.path("talking").asInt(), run.path("elapsed").asDouble());
                }
                out.flush();
                return 0;
            } catch (AdminClient.Failure e) {
                spec.commandLine().getErr().println("dialtone: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Watches a run (to its end, unless --once) and prints its report.")
    static final class Show implements Callable<Integer> {

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--once", description = "Print the report as it is now, without watching.")
        boolean once;

        @Mixin
        Server server;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try {
                AdminClient client = server.client();
                JsonNode report = once ? client.get("/sim/scenarios/" + id).path("run") : watch(client, id, out);
                printReport(report, out);
                return 0;
            } catch (AdminClient.Failure e) {
                spec.commandLine().getErr().println("dialtone: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops a run: nobody else calls, the customers in a call hang up.")
    static final class Stop implements Callable<Integer> {

        @Parameters(paramLabel = "ID")
        String id;

        @Mixin
        Server server;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                JsonNode run = server.client().post("/sim/scenarios/" + id, Map.of("operationName", "Stop")).path("run");
                spec.commandLine().getOut().println("Run " + id + " is " + run.path("state").asText());
                spec.commandLine().getOut().flush();
                return 0;
            } catch (AdminClient.Failure e) {
                spec.commandLine().getErr().println("dialtone: " + e.getMessage());
                return 1;
            }
        }
    }

    /** Follows a run's timeline until it is over (printing each entry when {@code out} is given); returns its final report. */
    static JsonNode watch(AdminClient client, String id, PrintWriter out) throws AdminClient.Failure, InterruptedException {
        long seq = 0;
        while (true) {
            JsonNode run = client.get("/sim/scenarios/" + id + "?since=" + seq).path("run");
            for (JsonNode entry : run.path("timeline")) {
                seq = Math.max(seq, entry.path("seq").asLong());
                if (out != null) {
                    out.printf("  %8.3fs  %-5s %s%n", entry.path("at").asDouble(), entry.has("customer") ? "#" + entry.path("customer").asInt() : "",
                            entry.path("text").asText());
                }
            }
            if (out != null) {
                out.flush();
            }
            if (!run.path("state").asText().equals("running")) {
                return run;
            }
            Thread.sleep(250);
        }
    }

    static void printReport(JsonNode run, PrintWriter out) {
        out.println();
        out.println("Run " + run.path("id").asText() + " '" + run.path("name").asText() + "': " + run.path("state").asText() + " after "
                + run.path("elapsed").asDouble() + "s");
        out.printf("  %-5s %-12s %-8s %-11s %8s  %-20s %8s%n", "#", "from", "to", "outcome", "waited", "answered by", "talked");
        for (JsonNode c : run.path("customers")) {
            StringBuilder by = new StringBuilder();
            c.path("answeredBy").forEach(dn -> by.append(by.length() == 0 ? "" : ",").append(dn.asText()));
            out.printf("  %-5s %-12s %-8s %-11s %8s  %-20s %8s%n", c.path("customer").asInt(), c.path("from").asText(), c.path("to").asText(),
                    c.path("outcome").asText(), c.has("waited") ? c.path("waited").asDouble() + "s" : "-", by.length() == 0 ? "-" : by,
                    c.has("talked") ? c.path("talked").asDouble() + "s" : "-");
        }
        JsonNode t = run.path("totals");
        out.println("  Totals: " + t.path("customers").asInt() + " customers, " + t.path("answered").asInt() + " answered, "
                + t.path("abandoned").asInt() + " abandoned, " + t.path("unanswered").asInt() + " unanswered, " + t.path("refused").asInt()
                + " refused; average wait (answered) " + t.path("averageWait").asDouble() + "s, longest wait " + t.path("longestWait").asDouble() + "s");
        out.flush();
    }
}
