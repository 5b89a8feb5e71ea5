package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every call-control operation refused in the current state, with wrong parameters, or on another user's
 * call: a 4xx, a non-zero statusCode and a statusMessage; and nothing changed for any party, which is
 * checked by reading every agent's calls before and after, and by every agent receiving no notification.
 */
class RefusedCallControlTest extends EndToEndTest {

    private record Case(String agent, String call, String operation, String params, int http, int statusCode, String message) {
    }

    private final Map<String, Agent> agents = new HashMap<>();
    private final Map<String, String> calls = new HashMap<>();

    @ParameterizedTest
    @EnumSource(Transport.class)
    void everyRefusal_isClear_andChangesNothingForAnyParty(Transport transport) throws Exception {
        setUp(transport);
        List<Case> cases = List.of(
                new Case("agent5", "ringing", "Hold", "", 400, 2, "Hold is not available while the call is Ringing"),
                new Case("agent4", "ringing", "Hold", "", 400, 2, "Hold is not available while the call is Dialing"),
                new Case("agent4", "ringing", "Reject", "", 400, 2, "Reject is not available while the call is Dialing"),
                new Case("agent1", "customer", "Retrieve", "", 400, 2, "Retrieve is not available while the call is Established"),
                new Case("agent1", "customer", "Answer", "", 400, 2, "Answer is not available"),
                new Case("agent2", "internal", "Reject", "", 400, 2, "Reject is not available"),
                new Case("agent1", "customer", "UnmuteCall", "", 400, 2, "UnmuteCall is not available"),
                new Case("agent1", "customer", "CompleteTransfer", "", 400, 2, "CompleteTransfer is not available"),
                new Case("agent1", "customer", "CompleteConference", "", 400, 2, "CompleteConference is not available"),
                new Case("agent1", "customer", "SwapCalls", "", 400, 2, "SwapCalls is not available"),
                new Case("agent2", "internal", "RemoveParticipantFromConference", "'participant':'15003'", 400, 2, "RemoveParticipantFromConference is not available"),
                new Case("agent1", "customer", "PauseCallRecording", "", 400, 2, "PauseCallRecording is not available"),
                new Case("agent1", "customer", "ResumeCallRecording", "", 400, 2, "ResumeCallRecording is not available"),
                new Case("agent1", "customer", "StopCallRecording", "", 400, 2, "StopCallRecording is not available"),
                new Case("agent1", "customer", "SingleStepTransfer", "", 400, 1, "'destination'"),
                new Case("agent1", "customer", "SingleStepTransfer", "'destination':{}", 400, 1, "'destination.phoneNumber'"),
                new Case("agent1", "customer", "SingleStepTransfer", "'destination':{'phoneNumber':'nobody'}", 400, 10, "destination must be"),
                new Case("agent1", "customer", "SingleStepTransfer", "'destination':{'phoneNumber':'15001'}", 400, 10, "cannot dial itself"),
                new Case("agent1", "customer", "SingleStepTransfer", "'destination':{'phoneNumber':'5550100'}", 400, 10, "already a party"),
                new Case("agent1", "customer", "SingleStepConference", "'destination':{'phoneNumber':'15002'},'userData':['a']", 400, 10, "'userData'"),
                new Case("agent2", "internal", "SingleStepConference", "'destination':{'phoneNumber':'15003'}", 400, 10, "already a party"),
                new Case("agent1", "customer", "InitiateTransfer", "'location':'x'", 400, 1, "'destination'"),
                new Case("agent1", "customer", "InitiateConference", "'destination':'15002'", 400, 10, "'destination'"),
                new Case("agent6", "conference", "RemoveParticipantFromConference", "", 400, 1, "'participant'"),
                new Case("agent6", "conference", "RemoveParticipantFromConference", "'participant':'5559999'", 400, 10, "no other participant 5559999"),
                new Case("agent6", "conference", "RemoveParticipantFromConference", "'participant':'15006'", 400, 10, "no other participant 15006"),
                new Case("agent7", "held", "Retrieve", "", 400, 2, "Retrieve is not available while the call is Held"),
                new Case("agent7", "held", "InitiateTransfer", "'destination':{'phoneNumber':'15002'}", 400, 2, "InitiateTransfer is not available"),
                new Case("agent7", "consult", "CompleteTransfer", "'consultCallUri':'/calls/0000'", 400, 10, "is not the consult call"),
                new Case("agent7", "consult", "SwapCalls", "'otherCallUri':'{customer}'", 404, 6, "not found"),
                new Case("agent2", "customer", "Hold", "", 404, 6, "not found"),
                new Case("agent2", "customer", "SingleStepTransfer", "'destination':{'phoneNumber':'15002'}", 404, 6, "not found"),
                new Case("agent3", "consult", "CompleteTransfer", "", 404, 6, "not found"));

        Map<String, JsonNode> before = everyonesCalls();
        for (Case c : cases) {
            String params = c.params().replace("{customer}", calls.get("customer"));
            String body = ("{'operationName':'" + c.operation() + "'" + (params.isEmpty() ? "" : "," + params) + "}").replace('\'', '"');
            Response response = agents.get(c.agent()).post("/me/calls/" + calls.get(c.call()), body);

            String what = c.agent() + " " + c.operation() + " on the " + c.call() + " call: " + response.body();
            assertThat(response.status()).as(what).isEqualTo(c.http());
            assertThat(response.statusCode()).as(what).isEqualTo(c.statusCode());
            assertThat(response.statusMessage()).as(what).contains(c.message());
            assertThat(SeedDialTest.fieldNames(response.body())).as(what).containsExactly("statusCode", "statusMessage");
        }
        assertThat(everyonesCalls()).isEqualTo(before);

        agents.get("agent1").expectNothingBefore(calls.get("customer"));
        agents.get("agent2").expectNothingBefore(calls.get("internal"));
        agents.get("agent3").expectNothingBefore(calls.get("internal"));
        agents.get("agent4").expectNothingBefore(calls.get("ringing"));
        agents.get("agent6").expectNothingBefore(calls.get("conference"));
        agents.get("agent7").expectNothingBefore(calls.get("consult"));
        agents.get("agent4").perform(calls.get("ringing"), "Hangup", "");
        agents.get("agent5").expectCall(calls.get("ringing"), "StatusChange", "Released");
    }

    /**
     * agent1 talks to a customer; agent2 to agent3; agent4 rings agent5; agent6 has a conference with a
     * customer and a ringing number; agent7 consults 5551212 about a held customer call.
     */
    private void setUp(Transport transport) throws Exception {
        for (int i = 1; i <= 7; i++) {
            agents.put("agent" + i, login("agent" + i, transport));
        }
        calls.put("customer", agents.get("agent1").callWithCustomer());
        calls.put("internal", CallControl.connected(agents.get("agent2"), agents.get("agent3")));
        String ringing = agents.get("agent4").dial("15005").path("id").asText();
        agents.get("agent5").expectCall(ringing, "StatusChange", "Ringing");
        calls.put("ringing", ringing);
        Agent agent6 = agents.get("agent6");
        String conference = agent6.callWithCustomer();
        agent6.perform(conference, "SingleStepConference", "'destination':{'phoneNumber':'5551212'}");
        agent6.expectCall(conference, "ParticipantsUpdated", "Established");
        calls.put("conference", conference);
        Agent agent7 = agents.get("agent7");
        String held = agent7.callWithCustomer();
        String consult = CallControl.startConsult(agent7, held, "InitiateTransfer", "5551212");
        agent7.expectCall(consult, "StatusChange", "Established");
        agent7.expectCall(held, "StatusChange", "Held");
        calls.put("held", held);
        calls.put("consult", consult);
    }

    /** Every agent's calls, without their durations (the only thing that changes by itself). */
    private Map<String, JsonNode> everyonesCalls() {
        Map<String, JsonNode> all = new HashMap<>();
        agents.forEach((name, agent) -> {
            JsonNode list = agent.get("/me/calls?fields=*").body().path("calls");
            List<JsonNode> withoutDuration = new ArrayList<>();
            list.forEach(call -> withoutDuration.add(((ObjectNode) call.deepCopy()).without("duration")));
            all.put(name, com.dialtone.server.http.Json.MAPPER.valueToTree(withoutDuration));
        });
        return all;
    }
}
