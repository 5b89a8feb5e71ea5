package com.dialtone.server.sim;

import com.dialtone.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dialtone call}: a simulated customer calls in, through a running server's {@code POST /sim/calls}. */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = {"A simulated customer calls a routing point or a DN of a running Dialtone server.",
                "Example: dialtone call --from 5551234 --to 8000 --data Product=Guitars --hang-up-after 60s"})
public final class CallCommand implements Callable<Integer> {

    @Option(names = "--from", defaultValue = "5551234", description = "The customer's number (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--to", required = true, description = "A routing point (8000 Sales, 8001 Support in the demo) or a DN.")
    String to;

    @Option(names = "--data", paramLabel = "KEY=VALUE", description = "Data attached to the call; repeat for more pairs.")
    Map<String, String> data = new LinkedHashMap<>();

    @Option(names = "--hang-up-after", paramLabel = "DURATION",
            description = "The customer hangs up this long after calling, answered or not (e.g. 30s). Default: never.")
    String hangUpAfter;

    @Option(names = "--talk-for", paramLabel = "DURATION", description = "The customer hangs up this long after being answered. Default: never.")
    String talkFor;

    @Option(names = "--dtmf", paramLabel = "DIGITS", description = "Digits the customer keys once answered.")
    String dtmf;

    @Option(names = "--dtmf-after", paramLabel = "DURATION", description = "How long after the answer the digits go (default 1s).")
    String dtmfAfter;

    @Option(names = "--server", defaultValue = "http://127.0.0.1:8090", description = "The server (default: ${DEFAULT-VALUE}).")
    String server;

    @Option(names = "--user", defaultValue = "admin", description = "A user with ROLE_ADMIN (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password", defaultValue = "${env:DIALTONE_PASSWORD:-demo}",
            description = "Its password (default: $DIALTONE_PASSWORD, else demo).")
    String password;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("from", from);
        body.put("to", to);
        if (!data.isEmpty()) {
            ObjectNode userData = body.putObject("userData");
            data.forEach(userData::put);
        }
        putIfSet(body, "hangUpAfter", hangUpAfter);
        putIfSet(body, "talkFor", talkFor);
        putIfSet(body, "dtmf", dtmf);
        putIfSet(body, "dtmfAfter", dtmfAfter);
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.replaceAll("/+$", "") + "/sim/calls"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            err.println("dialtone: cannot reach " + server + " (" + why + "); is the server running?");
            return 1;
        }
        JsonNode reply;
        try {
            reply = Json.MAPPER.readTree(response.body());
        } catch (java.io.IOException e) {
            err.println("dialtone: " + server + " answered HTTP " + response.statusCode() + " without JSON; is it a Dialtone server?");
            return 1;
        }
        if (reply.path("statusCode").asInt(-1) != 0) {
            err.println("dialtone: refused (HTTP " + response.statusCode() + ", statusCode " + reply.path("statusCode").asText() + "): "
                    + reply.path("statusMessage").asText());
            return 1;
        }
        JsonNode call = reply.path("call");
        out.println("Customer " + from + " is calling " + to + ": call " + call.path("id").asText() + " (connId " + call.path("connId").asText() + ")");
        out.println("  See its queue: curl -u " + user + ":*** " + server + "/sim/routing-points");
        out.println("  Hang it up:    curl -u " + user + ":*** -H 'Content-Type: application/json' -d '{\"operationName\":\"Hangup\"}' "
                + server + "/sim/calls/" + call.path("id").asText());
        out.flush();
        return 0;
    }

    private static void putIfSet(ObjectNode body, String name, String value) {
        if (value != null) {
            body.put(name, value);
        }
    }
}
