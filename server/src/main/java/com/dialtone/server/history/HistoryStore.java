package com.dialtone.server.history;

import com.dialtone.server.http.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The call history tables ({@code call_history}, {@code call_parties}, {@code call_interactions}) in SQL
 * that runs unchanged on H2 and PostgreSQL. Each method runs in the caller's transaction.
 *
 * <p>Writes are "update, else insert" rather than a MERGE: it is standard on both databases (PostgreSQL
 * has MERGE only from version 15), and it is race-free because {@link HistoryWriter}'s one thread is the
 * only writer of these tables.
 */
public final class HistoryStore {

    private HistoryStore() {
    }

    /** A page of the history, newest first, and how many calls match in all. */
    public record Page(long totalCount, List<StoredCall> calls) {
    }

    /** A call as stored, with its UCS interaction (or {@link Interaction#NONE}). */
    public record StoredCall(CallRecord call, Interaction interaction) {
    }

    /**
     * A call's UCS interaction.
     *
     * @param completedAt        null until SetCallCompleted
     * @param completionUserData what SetCallCompleted sent; empty if nothing
     */
    public record Interaction(String note, Instant completedAt, String completedBy, Long callDuration, Map<String, Object> completionUserData) {
        public static final Interaction NONE = new Interaction(null, null, null, null, Map.of());
    }

    /**
     * Which calls a query wants: all of them, or those of one user; started in [{@code from}, {@code to});
     * with {@code number} among their parties.
     *
     * @param userId null for every call; else only calls in which a DN of this user (as recorded) took part
     * @param from   null for no lower bound
     * @param to     null for no upper bound (exclusive)
     * @param number null for any
     */
    public record Query(String userId, Instant from, Instant to, String number, int offset, int limit) {
    }

    // ---- writing ----

    /** Stores each call (replacing what was stored of it before) and its parties. */
    public static void writeCalls(Connection db, Collection<CallRecord> calls) throws SQLException {
        writeCalls(db, calls, Set.of());
    }

    /**
     * Stores each call and its parties.
     *
     * @param newCalls ids of calls that are surely not stored yet: inserted straight away, without the
     *                 update and the delete that would find nothing (most calls are written once, at
     *                 their end, and a commit waits for this). One that is stored after all fails with a
     *                 duplicate key; the caller then writes it again without this hint.
     */
    public static void writeCalls(Connection db, Collection<CallRecord> calls, Set<String> newCalls) throws SQLException {
        if (calls.isEmpty()) {
            return;
        }
        List<CallRecord> inserts = new ArrayList<>();
        List<CallRecord> known = new ArrayList<>();
        for (CallRecord call : calls) {
            (newCalls.contains(call.id()) ? inserts : known).add(call);
        }
        if (!known.isEmpty()) {
            update(db, known, inserts);
        }
        if (!inserts.isEmpty()) {
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO call_history (conn_id, call_uuid, call_type, parent_call_id, "
                    + "started_at, ended_at, user_data, recording_state, states, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (CallRecord call : inserts) {
                    bindCall(insert, call);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        // The parties are few per call; replacing them all is simpler than working out what changed.
        if (!known.isEmpty()) {
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM call_parties WHERE call_id = ?")) {
                for (CallRecord call : known) {
                    delete.setString(1, call.id());
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO call_parties (call_id, seq, phone_number, user_id, user_name, "
                + "joined_at, released_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (CallRecord call : calls) {
                for (CallRecord.Party party : call.parties()) {
                    insert.setString(1, call.id());
                    insert.setInt(2, party.seq());
                    insert.setString(3, party.phoneNumber());
                    insert.setString(4, party.userId());
                    insert.setString(5, party.userName());
                    setInstant(insert, 6, party.joinedAt());
                    setInstant(insert, 7, party.releasedAt());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Updates the calls that are stored; adds the others to {@code inserts}. */
    private static void update(Connection db, List<CallRecord> calls, List<CallRecord> inserts) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE call_history SET conn_id = ?, call_uuid = ?, call_type = ?, "
                + "parent_call_id = ?, started_at = ?, ended_at = ?, user_data = ?, recording_state = ?, states = ? WHERE id = ?")) {
            for (CallRecord call : calls) {
                bindCall(update, call);
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < calls.size(); i++) {
                if (counts[i] == 0) {
                    inserts.add(calls.get(i));
                }
            }
        }
    }

    private static void bindCall(PreparedStatement statement, CallRecord call) throws SQLException {
        statement.setString(1, call.connId());
        statement.setString(2, call.callUuid());
        statement.setString(3, call.callType());
        statement.setString(4, call.parentCallId());
        setInstant(statement, 5, call.startedAt());
        setInstant(statement, 6, call.endedAt());
        statement.setString(7, json(call.userData()));
        statement.setString(8, call.recordingState());
        statement.setString(9, statesJson(call.states()));
        statement.setString(10, call.id());
    }

    /** Applies the updates in order. */
    public static void writeInteractions(Connection db, List<InteractionUpdate> updates) throws SQLException {
        for (InteractionUpdate update : updates) {
            if (update instanceof InteractionUpdate.Note note) {
                upsert(db, "UPDATE call_interactions SET note = ?, updated_at = ? WHERE call_id = ?",
                        "INSERT INTO call_interactions (note, updated_at, call_id) VALUES (?, ?, ?)", statement -> {
                            statement.setString(1, note.note().isEmpty() ? null : note.note());
                            setInstant(statement, 2, note.at());
                            statement.setString(3, note.callId());
                        });
            } else if (update instanceof InteractionUpdate.Completion completion) {
                upsert(db, "UPDATE call_interactions SET completed_at = ?, completed_by = ?, call_duration = ?, completion_user_data = ?, "
                                + "updated_at = ? WHERE call_id = ?",
                        "INSERT INTO call_interactions (completed_at, completed_by, call_duration, completion_user_data, updated_at, call_id) "
                                + "VALUES (?, ?, ?, ?, ?, ?)", statement -> {
                            setInstant(statement, 1, completion.at());
                            statement.setString(2, completion.userId());
                            if (completion.callDuration() == null) {
                                statement.setNull(3, Types.BIGINT);
                            } else {
                                statement.setLong(3, completion.callDuration());
                            }
                            statement.setString(4, completion.userData().isEmpty() ? null : json(completion.userData()));
                            setInstant(statement, 5, completion.at());
                            statement.setString(6, completion.callId());
                        });
            }
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private static void upsert(Connection db, String updateSql, String insertSql, Binder binder) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(updateSql)) {
            binder.bind(update);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = db.prepareStatement(insertSql)) {
            binder.bind(insert);
            insert.executeUpdate();
        }
    }

    // ---- reading ----

    public static Page find(Connection db, Query query) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.userId() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM call_parties p WHERE p.call_id = h.id AND p.user_id = ?)");
            parameters.add(query.userId());
        }
        if (query.number() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM call_parties n WHERE n.call_id = h.id AND n.phone_number = ?)");
            parameters.add(query.number());
        }
        if (query.from() != null) {
            where.append(" AND h.started_at >= ?");
            parameters.add(utc(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND h.started_at < ?");
            parameters.add(utc(query.to()));
        }
        long total;
        try (PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM call_history h" + where)) {
            bindAll(count, parameters);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                total = rows.getLong(1);
            }
        }
        Map<String, Row> page = new LinkedHashMap<>();
        try (PreparedStatement select = db.prepareStatement("SELECT h.id, h.conn_id, h.call_uuid, h.call_type, h.parent_call_id, h.started_at, "
                + "h.ended_at, h.user_data, h.recording_state, h.states, i.note, i.completed_at, i.completed_by, i.call_duration, "
                + "i.completion_user_data FROM call_history h LEFT JOIN call_interactions i ON i.call_id = h.id" + where
                + " ORDER BY h.started_at DESC, h.id DESC LIMIT ? OFFSET ?")) {
            bindAll(select, parameters);
            select.setInt(parameters.size() + 1, query.limit());
            select.setInt(parameters.size() + 2, query.offset());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    page.put(rows.getString("id"), new Row(rows));
                }
            }
        }
        Map<String, List<CallRecord.Party>> parties = partiesOf(db, page.keySet());
        List<StoredCall> calls = new ArrayList<>(page.size());
        page.forEach((id, row) -> calls.add(row.toStoredCall(parties.getOrDefault(id, List.of()))));
        return new Page(total, calls);
    }

    /**
     * The id of the call with this id or call UUID, if the user had a DN in it (as recorded).
     * Another user's call and a missing one are the same to the caller.
     */
    public static Optional<String> callOfParticipant(Connection db, String idOrUuid, String userId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT h.id FROM call_history h WHERE (h.id = ? OR h.call_uuid = ?) "
                + "AND EXISTS (SELECT 1 FROM call_parties p WHERE p.call_id = h.id AND p.user_id = ?)")) {
            select.setString(1, idOrUuid);
            select.setString(2, idOrUuid);
            select.setString(3, userId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private static Map<String, List<CallRecord.Party>> partiesOf(Connection db, Collection<String> callIds) throws SQLException {
        Map<String, List<CallRecord.Party>> parties = new LinkedHashMap<>();
        if (callIds.isEmpty()) {
            return parties;
        }
        String marks = String.join(", ", Collections.nCopies(callIds.size(), "?"));
        try (PreparedStatement select = db.prepareStatement("SELECT call_id, seq, phone_number, user_id, user_name, joined_at, released_at "
                + "FROM call_parties WHERE call_id IN (" + marks + ") ORDER BY call_id, seq")) {
            bindAll(select, new ArrayList<>(callIds));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    parties.computeIfAbsent(rows.getString("call_id"), id -> new ArrayList<>()).add(new CallRecord.Party(rows.getInt("seq"),
                            rows.getString("phone_number"), rows.getString("user_id"), rows.getString("user_name"),
                            instant(rows, "joined_at"), instant(rows, "released_at")));
                }
            }
        }
        return parties;
    }

    /** One row of the page query, read while its result set is open. */
    private static final class Row {
        final String id;
        final String connId;
        final String callUuid;
        final String callType;
        final String parentCallId;
        final Instant startedAt;
        final Instant endedAt;
        final String userData;
        final String recordingState;
        final String states;
        final Interaction interaction;

        Row(ResultSet rows) throws SQLException {
            id = rows.getString("id");
            connId = rows.getString("conn_id");
            callUuid = rows.getString("call_uuid");
            callType = rows.getString("call_type");
            parentCallId = rows.getString("parent_call_id");
            startedAt = instant(rows, "started_at");
            endedAt = instant(rows, "ended_at");
            userData = rows.getString("user_data");
            recordingState = rows.getString("recording_state");
            states = rows.getString("states");
            long duration = rows.getLong("call_duration");
            Long callDuration = rows.wasNull() ? null : duration;
            String note = rows.getString("note");
            Instant completedAt = instant(rows, "completed_at");
            String completedBy = rows.getString("completed_by");
            String completionUserData = rows.getString("completion_user_data");
            interaction = note == null && completedAt == null ? Interaction.NONE
                    : new Interaction(note, completedAt, completedBy, callDuration, completionUserData == null ? Map.of() : userData(completionUserData));
        }

        StoredCall toStoredCall(List<CallRecord.Party> parties) {
            return new StoredCall(new CallRecord(id, connId, callUuid, callType, parentCallId, startedAt, endedAt, userData(userData),
                    recordingState, parties, states(states)), interaction);
        }
    }

    // ---- JSON columns and times ----

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }

    private static String statesJson(List<CallRecord.State> states) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (CallRecord.State state : states) {
            array.addObject().put("phoneNumber", state.phoneNumber()).put("state", state.state()).put("at", state.at().toString());
        }
        return array.toString();
    }

    /** User data as it was attached: any JSON values, as the plain Java the switch keeps them in. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> userData(String json) {
        return (Map<String, Object>) Json.plain(readTree(json));
    }

    private static List<CallRecord.State> states(String json) {
        List<CallRecord.State> states = new ArrayList<>();
        for (JsonNode state : readTree(json)) {
            states.add(new CallRecord.State(state.path("phoneNumber").asText(), state.path("state").asText(),
                    Instant.parse(state.path("at").asText())));
        }
        return states;
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the history holds malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, utc(instant));
        }
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void bindAll(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }
}
