package com.dialtone.server.history;

import com.dialtone.server.auth.User;
import com.dialtone.server.auth.Users;
import com.dialtone.server.calls.CallMapper;
import com.dialtone.server.directory.Device;
import com.dialtone.server.directory.Devices;
import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.PartySnapshot;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.SwitchListener;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every call in the history. It follows each call from the switch's events, on the switch's
 * thread and in memory: each party (with the user its DN belongs to at that moment, since devices can be
 * reassigned later), each party's states and when, the user data and the recording state. Whenever a
 * party on one of our devices is released, and when the call ends, it hands the call's whole record to
 * the {@link HistoryWriter}; once the call has ended it forgets it.
 *
 * <p>It must be registered before the notifiers: a device's {@code Released} is delivered only after
 * {@link #recorded} of its call completes, and that write must have been submitted by then.
 *
 * <p>A call is followed from the first event about it. Calls with no device among their parties (a
 * customer who hangs up while queued) have no events, so they are not recorded.
 */
public final class CallHistory implements SwitchListener {

    /**
     * Beyond this many state entries a call records only releases: a call held and retrieved thousands of
     * times must not outgrow its column.
     */
    static final int MAX_STATES = 1000;
    private static final int RECENTLY_ENDED = 4096;

    private final Devices devices;
    private final Users users;
    private final HistoryWriter writer;
    private final Clock clock;
    /** The calls going on; touched only on the switch's thread. */
    private final Map<String, Followed> calls = new HashMap<>();
    /**
     * Calls that have just ended; switch's thread only. The change that ends a call tells each of its
     * parties, each event carrying the final snapshot: after the first, the call is gone from
     * {@link #calls}, and the others must not start it afresh (a record of nothing but releases would
     * replace the real one). The switch forgets an ended call, so nothing comes for it after that change;
     * the last few thousand are more than one change can end.
     */
    private final Map<String, Boolean> ended = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENTLY_ENDED;
        }
    };
    /** Each call's latest write not yet committed; read by the notifier (same thread) and the UCS requests. */
    private final ConcurrentHashMap<String, CompletableFuture<Void>> writes = new ConcurrentHashMap<>();
    /**
     * The users who had a device in each call that is going on or whose final write is not yet committed:
     * who may set its note and completion, until the database can say so.
     */
    private final ConcurrentHashMap<String, Set<String>> participants = new ConcurrentHashMap<>();

    public CallHistory(Devices devices, Users users, HistoryWriter writer, Clock clock) {
        this.devices = devices;
        this.users = users;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public void onCallEvent(CallEvent event) {
        CallSnapshot call = event.call();
        if (ended.containsKey(call.id())) {
            return;
        }
        Followed followed = calls.computeIfAbsent(call.id(), id -> new Followed(call));
        // Every event of one change carries the same snapshot: one look at it is enough.
        if (followed.last == call) {
            return;
        }
        followed.last = call;
        boolean deviceReleased = followed.follow(call, now());
        if (call.isEnded()) {
            calls.remove(call.id());
            ended.put(call.id(), Boolean.TRUE);
            submit(followed, followed.record(call), true);
        } else if (deviceReleased) {
            submit(followed, followed.record(call), false);
        }
    }

    /**
     * What completes once everything submitted so far of the call is committed: its latest write, or a
     * completed future when none is pending.
     */
    public CompletableFuture<Void> recorded(String callId) {
        CompletableFuture<Void> write = writes.get(callId);
        return write != null ? write : CompletableFuture.completedFuture(null);
    }

    /**
     * Whether the call is going on, or ended but not yet committed, and if so whether the user had a
     * device in it. Empty when this does not know the call: ask the database.
     */
    public Optional<Boolean> isParticipant(String callId, String userId) {
        Set<String> users = participants.get(callId);
        return users == null ? Optional.empty() : Optional.of(users.contains(userId));
    }

    private void submit(Followed followed, CallRecord record, boolean ended) {
        CompletableFuture<Void> written = writer.submit(record, !followed.submitted);
        followed.submitted = true;
        writes.put(record.id(), written);
        written.whenComplete((result, failure) -> {
            writes.remove(record.id(), written);
            if (ended) {
                participants.remove(record.id()); // from now on the database answers
            }
        });
    }

    private Instant now() {
        return millis(clock.instant());
    }

    /** Times are kept to the millisecond: what both databases store exactly, and what a person reads. */
    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** One call as followed so far. */
    private final class Followed {
        final List<Party> parties = new ArrayList<>();
        final List<CallRecord.State> states = new ArrayList<>();
        final Instant startedAt;
        CallSnapshot last;
        Instant lastAt;
        String recordingState;
        /** Whether a record of this call has been handed to the writer: if not, no row of it can exist. */
        boolean submitted;

        Followed(CallSnapshot call) {
            startedAt = millis(call.createdAt());
            lastAt = startedAt;
        }

        /**
         * Takes in what changed since the last snapshot. Parties are matched by position: the switch lists
         * every party the call ever had, in order of joining, and a number may join more than once.
         *
         * @return whether a party on one of our devices was released
         */
        boolean follow(CallSnapshot call, Instant now) {
            boolean deviceReleased = false;
            List<PartySnapshot> snapshot = call.parties();
            for (int i = 0; i < snapshot.size(); i++) {
                PartySnapshot seen = snapshot.get(i);
                if (i >= parties.size()) {
                    parties.add(join(call.id(), seen));
                    parties.get(i).releasedAt = millis(seen.releasedAt());
                    // One first seen already released joined and left within one change (busy, rejected).
                    addState(seen.number(), seen.state(), seen.state() == PartyState.RELEASED ? millis(seen.releasedAt()) : millis(seen.joinedAt()));
                    deviceReleased |= seen.state() == PartyState.RELEASED && parties.get(i).device;
                    continue;
                }
                Party party = parties.get(i);
                if (party.state != seen.state()) {
                    boolean released = seen.state() == PartyState.RELEASED;
                    addState(seen.number(), seen.state(), released ? millis(seen.releasedAt()) : now);
                    deviceReleased |= released && party.device;
                }
                party.state = seen.state();
                party.releasedAt = millis(seen.releasedAt());
            }
            if (call.recording() != null) {
                recordingState = CallMapper.recordingStateName(call.recording());
            }
            return deviceReleased;
        }

        private Party join(String callId, PartySnapshot seen) {
            Device device = seen.internal() ? devices.byDn(seen.number()).orElse(null) : null;
            String userId = device == null ? null : device.ownerId();
            String userName = userId == null ? null : users.byId(userId).map(User::userName).orElse(null);
            if (userId != null) {
                participants.computeIfAbsent(callId, id -> ConcurrentHashMap.newKeySet()).add(userId);
            }
            return new Party(seen.number(), device != null, userId, userName, millis(seen.joinedAt()), seen.state());
        }

        private void addState(String number, PartyState state, Instant at) {
            if (states.size() >= MAX_STATES && state != PartyState.RELEASED) {
                return;
            }
            // Never earlier than what came before: the list reads in order.
            Instant time = at == null || at.isBefore(lastAt) ? lastAt : at;
            lastAt = time;
            states.add(new CallRecord.State(number, CallMapper.stateName(state), time));
        }

        CallRecord record(CallSnapshot call) {
            List<CallRecord.Party> recorded = new ArrayList<>(parties.size());
            Instant endedAt = null;
            for (int i = 0; i < parties.size(); i++) {
                Party party = parties.get(i);
                recorded.add(new CallRecord.Party(i, party.number, party.userId, party.userName, party.joinedAt, party.releasedAt));
                if (call.isEnded() && party.releasedAt != null && (endedAt == null || party.releasedAt.isAfter(endedAt))) {
                    endedAt = party.releasedAt;
                }
            }
            return new CallRecord(call.id(), call.connId(), call.id(), CallMapper.typeName(call.type()), call.parentCallId(), startedAt,
                    endedAt, call.userData().asMap(), recordingState, recorded, states);
        }
    }

    /** One party as followed so far. */
    private static final class Party {
        final String number;
        final boolean device;
        final String userId;
        final String userName;
        final Instant joinedAt;
        PartyState state;
        Instant releasedAt;

        Party(String number, boolean device, String userId, String userName, Instant joinedAt, PartyState state) {
            this.number = number;
            this.device = device;
            this.userId = userId;
            this.userName = userName;
            this.joinedAt = joinedAt;
            this.state = state;
        }
    }
}
