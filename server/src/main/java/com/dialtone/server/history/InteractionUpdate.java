package com.dialtone.server.history;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A change to a call's UCS interaction (its note or completion), to be written by {@link HistoryWriter}. */
public sealed interface InteractionUpdate permits InteractionUpdate.Note, InteractionUpdate.Completion {

    /** The call's id: the interaction's key. */
    String callId();

    Instant at();

    /** SetCallNote: the note replaces any earlier one; an empty note clears it. */
    record Note(String callId, String note, Instant at) implements InteractionUpdate {
    }

    /**
     * SetCallCompleted.
     *
     * @param userId       who completed it
     * @param callDuration seconds, as the desktop counted them; null if not given
     * @param userData     the pairs sent with it; empty if none
     */
    record Completion(String callId, String userId, Long callDuration, Map<String, Object> userData, Instant at)
            implements InteractionUpdate {
        public Completion {
            userData = Collections.unmodifiableMap(new LinkedHashMap<>(userData)); // keeps the keys' order
        }
    }
}
