package com.dialtone.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;

/** Reading call resources in call-control tests. */
final class CallControl {

    /** The phone numbers of a call's participants, in order. */
    static List<String> participants(JsonNode call) {
        return StreamSupport.stream(call.path("participants").spliterator(), false).map(p -> p.path("phoneNumber").asText()).toList();
    }

    static List<String> capabilities(JsonNode call) {
        return StreamSupport.stream(call.path("capabilities").spliterator(), false).map(JsonNode::asText).toList();
    }

    /** The caller calls the callee, who answers; every notification of it is consumed. Returns the call's id. */
    static String connected(Agent caller, Agent callee) {
        String id = caller.dial(callee.dn).path("id").asText();
        callee.expectCall(id, "StatusChange", "Ringing");
        callee.perform(id, "Answer", "");
        callee.expectCall(id, "StatusChange", "Established");
        caller.expectCall(id, "StatusChange", "Established");
        return id;
    }

    /**
     * {@code operation} (InitiateTransfer or InitiateConference) from the agent's call to a destination:
     * the call goes on hold and the consult call starts dialling. Returns the consult call's id.
     */
    static String startConsult(Agent agent, String callId, String operation, String destination) {
        agent.perform(callId, operation, "'destination':{'phoneNumber':'" + destination + "'}");
        agent.expectCall(callId, "StatusChange", "Held");
        return agent.expectCall("StatusChange", "Dialing").path("id").asText();
    }

    /**
     * A consultation with another agent, who answers it. The held call is announced again, because its
     * capabilities grew with the answer. Returns the consult call's id.
     */
    static String consultAnswered(Agent agent, String callId, String operation, Agent target) {
        String consultId = startConsult(agent, callId, operation, target.dn);
        target.expectCall(consultId, "StatusChange", "Ringing");
        target.perform(consultId, "Answer", "");
        target.expectCall(consultId, "StatusChange", "Established");
        agent.expectCall(consultId, "StatusChange", "Established");
        agent.expectCall(callId, "StatusChange", "Held");
        return consultId;
    }

    private CallControl() {
    }
}
