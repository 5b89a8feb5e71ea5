package com.dialtone.server.history;

import com.dialtone.server.api.ApiRequest;
import com.dialtone.server.api.Route;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Reply;
import com.dialtone.server.http.StatusCode;
import com.dialtone.server.storage.Database;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Dialtone's call history endpoints (GWS 8.5 has none; docs/call-history.md):
 * {@code GET /api/v2/me/call-history}, the calls in which one of the user's devices took part (as
 * recorded at the time, whoever owns the device now), and {@code GET /api/v2/call-history}, every call,
 * for {@code ROLE_ADMIN}. Both read the database on the request's thread; only writes are kept off it.
 */
public final class CallHistoryResource {

    static final String ADMIN_ROLE = "ROLE_ADMIN";
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final Database database;

    public CallHistoryResource(Database database) {
        this.database = database;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/me/call-history", request -> list(request, request.user().id())),
                Route.get("/call-history", request -> list(admin(request), null)));
    }

    private static ApiRequest admin(ApiRequest request) {
        if (!request.user().hasRole(ADMIN_ROLE)) {
            throw new GwsException(StatusCode.NO_PERMISSION, "The call history of every user needs the role " + ADMIN_ROLE
                    + "; use /api/v2/me/call-history for your own");
        }
        return request;
    }

    private Map<String, Object> list(ApiRequest request, String userId) throws Exception {
        HistoryStore.Query query = query(request, userId);
        HistoryStore.Page page = database.inTransaction(db -> HistoryStore.find(db, query));
        Map<String, Object> reply = Reply.ok("totalCount", page.totalCount());
        reply.put("offset", query.offset());
        reply.put("limit", query.limit());
        reply.put("calls", page.calls().stream().map(HistoryEntry::of).toList());
        return reply;
    }

    /** The query parameters, each refused with statusCode 10 and what is wrong with it. */
    static HistoryStore.Query query(ApiRequest request, String userId) {
        Instant from = instant(request, "from");
        Instant to = instant(request, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw GwsException.invalid("from", "must be before 'to' (" + from + " is not before " + to + ")");
        }
        String number = request.query("number");
        if (number != null && number.isBlank()) {
            throw GwsException.invalid("number", "must be a phone number, was empty");
        }
        int offset = integer(request, "offset", 0);
        if (offset < 0) {
            throw GwsException.invalid("offset", "must be 0 or more, was " + offset);
        }
        int limit = integer(request, "limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw GwsException.invalid("limit", "must be from 1 to " + MAX_LIMIT + ", was " + limit);
        }
        return new HistoryStore.Query(userId, from, to, number == null ? null : number.trim(), offset, limit);
    }

    private static Instant instant(ApiRequest request, String name) {
        String value = request.query(name);
        if (value == null) {
            return null;
        }
        // An unencoded '+' of an offset arrives as a space: take it back.
        String text = value.trim().replace(' ', '+');
        try {
            return Instant.parse(text);
        } catch (DateTimeException notUtc) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException e) {
                throw GwsException.invalid(name, "must be an ISO-8601 instant such as 2026-11-24T09:00:00Z or 2026-11-24T10:00:00+01:00, was '"
                        + value + "'");
            }
        }
    }

    private static int integer(ApiRequest request, String name, int absent) {
        String value = request.query(name);
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw GwsException.invalid(name, "must be a whole number, was '" + value + "'");
        }
    }
}
