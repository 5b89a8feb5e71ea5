package com.dialtone.server;

import com.dialtone.server.sim.AdminClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dialtone fault}: the test lab's faults, thin over a running server's {@code /sim/faults} (docs/test-lab.md, "Faults"). */
@Command(name = "fault", mixinStandardHelpOptions = true,
        description = "Faults injected into a running server for a while: refused operations, slow replies, delayed, dropped or duplicated "
                + "notifications, the switch link down, external numbers busy, unanswered or hanging up.",
        subcommands = {FaultCommand.Add.class, FaultCommand.ListFaults.class, FaultCommand.Clear.class})
public final class FaultCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a fault, for the next --count times it acts (default once) or --for a while.",
                    "KIND: refuseOperations, slowReplies, delayNotifications, dropNotifications, duplicateNotifications, switchLinkDown, "
                            + "numberBusy, numberUnanswered, numberAnswersAndHangsUp.",
                    "Example: dialtone fault add dropNotifications --agent agent1"})
    static final class Add implements Callable<Integer> {

        @Parameters(paramLabel = "KIND", description = "What goes wrong.")
        String kind;

        @Option(names = "--agent", paramLabel = "USER", description = "For this user (a user name, agent1 say).")
        String user;

        @Option(names = "--dn", description = "For the user whose device this DN is.")
        String dn;

        @Option(names = "--everyone", description = "For every user.")
        boolean everyone;

        @Option(names = "--number", description = "For numberBusy, numberUnanswered, numberAnswersAndHangsUp: the external number.")
        String number;

        @Option(names = "--count", description = "For the next N times it acts (operations refused, replies slowed, notifications, calls).")
        Integer count;

        @Option(names = "--for", paramLabel = "DURATION", description = "For this long (30s, 2m, 1h).")
        String duration;

        @Option(names = "--status-code", description = "For refuseOperations: the GWS statusCode (default 4); the HTTP status goes with it.")
        Integer statusCode;

        @Option(names = "--status-message", description = "For refuseOperations: the statusMessage.")
        String statusMessage;

        @Option(names = "--delay", paramLabel = "DURATION", description = "For delayNotifications and slowReplies: how much later (e.g. 2s).")
        String delay;

        @Mixin
        ScenarioCommand.Server server;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("fault", kind);
            putIfSet(body, "user", user);
            putIfSet(body, "dn", dn);
            putIfSet(body, "number", number);
            putIfSet(body, "everyone", everyone ? Boolean.TRUE : null);
            putIfSet(body, "count", count);
            putIfSet(body, "for", duration);
            putIfSet(body, "statusCode", statusCode);
            putIfSet(body, "statusMessage", statusMessage);
            putIfSet(body, "delay", delay);
            try {
                JsonNode fault = server.client().post("/sim/faults", body).path("fault");
                PrintWriter out = spec.commandLine().getOut();
                out.println("Fault " + fault.path("id").asText() + " added: " + describe(fault));
                out.println("  List: dialtone fault list    Clear: dialtone fault clear " + fault.path("id").asText());
                out.flush();
                return 0;
            } catch (AdminClient.Failure e) {
                return failed(spec, e);
            }
        }

        private static void putIfSet(Map<String, Object> body, String name, Object value) {
            if (value != null) {
                body.put(name, value);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the active faults.")
    static final class ListFaults implements Callable<Integer> {

        @Mixin
        ScenarioCommand.Server server;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                JsonNode faults = server.client().get("/sim/faults").path("faults");
                PrintWriter out = spec.commandLine().getOut();
                out.println(faults.isEmpty() ? "No faults." : faults.size() + (faults.size() == 1 ? " fault:" : " faults:"));
                for (JsonNode fault : faults) {
                    out.printf("  %-3s%s%n", fault.path("id").asText(), describe(fault));
                }
                out.flush();
                return 0;
            } catch (AdminClient.Failure e) {
                return failed(spec, e);
            }
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Clears one fault (by its id), or all of them.")
    static final class Clear implements Callable<Integer> {

        @Parameters(paramLabel = "ID", arity = "0..1", description = "The fault to clear; all when left out.")
        String id;

        @Mixin
        ScenarioCommand.Server server;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                int cleared = server.client().delete("/sim/faults" + (id == null ? "" : "/" + id)).path("cleared").asInt();
                spec.commandLine().getOut().println("Cleared " + cleared + (cleared == 1 ? " fault" : " faults"));
                spec.commandLine().getOut().flush();
                return 0;
            } catch (AdminClient.Failure e) {
                return failed(spec, e);
            }
        }
    }

    /** Says why at the terminal; the exit code of a refused command. */
    static int failed(CommandLine.Model.CommandSpec spec, AdminClient.Failure e) {
        spec.commandLine().getErr().println("dialtone: " + e.getMessage());
        spec.commandLine().getErr().flush();
        return 1;
    }

    /** A fault as one line: "dropNotifications for user agent1, 1 time". */
    static String describe(JsonNode fault) {
        StringBuilder line = new StringBuilder(fault.path("fault").asText());
        if (fault.has("user")) {
            line.append(" for user ").append(fault.path("user").asText());
        } else if (fault.has("dn")) {
            line.append(" for DN ").append(fault.path("dn").asText());
        } else if (fault.has("number")) {
            line.append(" for number ").append(fault.path("number").asText());
        } else {
            line.append(" for everyone");
        }
        if (fault.has("statusCode")) {
            line.append(", refused with statusCode ").append(fault.path("statusCode").asInt()).append(" (HTTP ")
                    .append(fault.path("httpStatus").asInt()).append(")");
        }
        if (fault.has("delay")) {
            line.append(", ").append(fault.path("delay").asDouble()).append("s later");
        }
        if (fault.has("left")) {
            int left = fault.path("left").asInt();
            line.append(", ").append(left).append(left == 1 ? " time" : " times");
        }
        if (fault.has("endsAt")) {
            line.append(fault.has("left") ? " or" : "").append(" until ").append(fault.path("endsAt").asText());
        }
        return line.toString();
    }
}
