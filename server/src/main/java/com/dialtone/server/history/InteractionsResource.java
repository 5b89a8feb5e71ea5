package com.dialtone.server.history;

import com.dialtone.server.api.ApiRequest;
import com.dialtone.server.api.Features;
import com.dialtone.server.api.Route;
import com.dialtone.server.auth.User;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.Reply;
import com.dialtone.server.http.StatusCode;
import com.dialtone.server.notifications.DeliveryOrder;
import com.dialtone.server.notifications.Outbox;
import com.dialtone.server.notifications.UcsOperationResponse;
import com.dialtone.server.storage.Database;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GWS's UCS integration for voice: {@code POST /api/v2/ucs/interactions/{interactionId}} with
 * {@code SetCallNote} or {@code SetCallCompleted}. GWS does not say what {@code interactionId} is; here it
 * is the call's {@code id} (its {@code callUuid}, which is the same string, is accepted too), so a desktop
 * passes what it already has. The reply carries a {@code referenceId} at once; the write goes through
 * {@link HistoryWriter} like the calls', and its outcome follows as a {@link UcsOperationResponse} on
 * {@code /v2/me/ucs}, in the user's {@link DeliveryOrder}.
 *
 * <p>Only a user whose device is or was a party of the call may do this; to anyone else the call does
 * not exist (statusCode 6), as with call operations. It works while the call goes on and after it ended.
 * Without the feature {@code api-ucs-voice} or {@code api-voice} the resource does not exist either (404,
 * statusCode 6, before anything else is looked at).
 */
public final class InteractionsResource {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionsResource.class);
    /** Longest note, in characters: a page of text; the column holds far more, a request body less. */
    public static final int MAX_NOTE_LENGTH = 16_384;
    static final List<String> OPERATIONS = List.of("SetCallCompleted", "SetCallNote");

    private final CallHistory history;
    private final HistoryWriter writer;
    private final Database database;
    private final DeliveryOrder order;
    private final Outbox sessions;
    private final Features features;
    private final Clock clock;
    private final AtomicLong references = new AtomicLong();

    public InteractionsResource(CallHistory history, HistoryWriter writer, Database database, DeliveryOrder order,
                                Outbox sessions, Features features) {
        this.features = features;
        this.history = history;
        this.writer = writer;
        this.database = database;
        this.order = order;
        this.sessions = sessions;
        this.clock = Clock.systemUTC();
    }

    public List<Route> routes() {
        return List.of(Route.post("/ucs/interactions/{interactionId}", this::perform));
    }

    /** In the order of call operations: the operation, the call, then its parameters; all before anything is written. */
    private Map<String, Object> perform(ApiRequest request) throws Exception {
        if (!features.assigned(Features.UCS_VOICE) && !features.assigned(Features.VOICE)) {
            throw new GwsException(StatusCode.NOT_FOUND, "Not found: neither the feature " + Features.UCS_VOICE + " nor "
                    + Features.VOICE + " is assigned to this contact centre");
        }
        JsonNode body = request.body();
        Params params = Params.of(body);
        String name = params.requiredText("operationName");
        if (!OPERATIONS.contains(name)) {
            throw new GwsException(StatusCode.INVALID_INPUT, "Unknown operationName '" + name + "' for an interaction; known: "
                    + String.join(", ", OPERATIONS));
        }
        User user = request.user();
        String callId = callOf(user, request.path("interactionId"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        InteractionUpdate update = name.equals("SetCallNote") ? note(params, callId, now) : completion(params, callId, user, now);

        long referenceId = references.incrementAndGet();
        writer.submit(update).whenComplete((written, failure) -> {
            UcsOperationResponse response = failure == null ? UcsOperationResponse.succeeded(referenceId)
                    : UcsOperationResponse.failed(referenceId, "UCS request failed: " + name + " on interaction " + callId + " was not stored");
            if (failure != null) {
                LOG.warn("{} {} by {} failed: {}", name, callId, user.userName(), failure.toString());
            }
            order.deliver(user.id(), () -> sessions.deliver(user.id(), UcsOperationResponse.CHANNEL, response));
        });
        return Reply.ok("referenceId", referenceId);
    }

    /**
     * The id of the call, if the user's device is or was a party of it. A call going on (or whose end is
     * not yet committed) is known in memory; any other, to the database.
     */
    private String callOf(User user, String interactionId) throws Exception {
        // The in-memory calls are keyed by id; the call's UUID is the same string on this switch.
        Boolean participant = history.isParticipant(interactionId, user.id()).orElse(null);
        if (participant != null) {
            if (participant) {
                return interactionId;
            }
            throw GwsException.notFound("Interaction " + interactionId);
        }
        return database.inTransaction(db -> HistoryStore.callOfParticipant(db, interactionId, user.id()))
                .orElseThrow(() -> GwsException.notFound("Interaction " + interactionId));
    }

    private static InteractionUpdate note(Params params, String callId, Instant now) {
        String note = params.optionalText("note");
        if (note == null) {
            throw GwsException.missing("note");
        }
        int length = note.codePointCount(0, note.length());
        if (length > MAX_NOTE_LENGTH) {
            throw GwsException.invalid("note", "is " + length + " characters; the limit is " + MAX_NOTE_LENGTH);
        }
        return new InteractionUpdate.Note(callId, note, now);
    }

    private static InteractionUpdate completion(Params params, String callId, User user, Instant now) {
        JsonNode duration = params.raw("callDuration");
        Long callDuration = null;
        if (duration != null) {
            if (!duration.isIntegralNumber() || !duration.canConvertToLong() || duration.longValue() < 0) {
                throw GwsException.invalid("callDuration", "must be a whole number of seconds, 0 or more, was " + duration);
            }
            callDuration = duration.longValue();
        }
        return new InteractionUpdate.Completion(callId, user.id(), callDuration, params.optionalUserData("userData").asMap(), now);
    }
}
