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

    private CallControl() {
    }
}
