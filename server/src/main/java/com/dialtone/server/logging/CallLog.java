package com.dialtone.server.logging;

import com.dialtone.server.auth.User;
import com.dialtone.server.directory.Device;
import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.PartySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The call log, on the logger {@code dialtone.calls}: at INFO a line when a call starts and one when it ends,
 * at DEBUG one for every party's state change; each with the MDC {@code callId} and {@code user} (the
 * users whose devices the line is about, comma-separated), so that one call, or one user's calls, can be
 * picked out of a JSON log. A switch listener: it runs on the switch's thread, keeps only the ids of the
 * calls going on, and hands each line to the asynchronous appender.
 */
public final class CallLog implements com.dialtone.switching.SwitchListener {

    private static final Logger LOG = LoggerFactory.getLogger(Logging.CALLS);
    private static final int RECENTLY_ENDED = 4096;

    private final Function<String, Optional<Device>> deviceOfDn;
    private final Function<String, Optional<User>> userOfId;
    /** The calls going on that a line was written for; switch's thread only. */
    private final Set<String> going = new HashSet<>();
    /** Every event of the change that ends a call carries the ended snapshot: one "ended" line is enough. */
    private final Map<String, Boolean> ended = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENTLY_ENDED;
        }
    };

    public CallLog(Function<String, Optional<Device>> deviceOfDn, Function<String, Optional<User>> userOfId) {
        this.deviceOfDn = deviceOfDn;
        this.userOfId = userOfId;
    }

    @Override
    public void onCallEvent(CallEvent event) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        CallSnapshot call = event.call();
        if (ended.containsKey(call.id())) {
            return;
        }
        try {
            MDC.put(LogContext.CALL_ID, call.id());
            if (going.add(call.id())) {
                put(LogContext.USER, userOf(event.dn()));
                LOG.atInfo().addKeyValue("callType", call.type().name()).addKeyValue("from", call.ani()).addKeyValue("to", call.dnis())
                        .log("call {} started: {} from {} to {}", call.id(), call.type(), call.ani(), call.dnis());
            }
            if (event instanceof CallEvent.PartyStateChanged change && LOG.isDebugEnabled()) {
                put(LogContext.USER, userOf(event.dn()));
                LOG.atDebug().addKeyValue("dn", event.dn()).addKeyValue("state", event.party().state().name())
                        .log("call {} at {}: {} -> {}{}", call.id(), event.dn(), change.previous() == null ? "new" : change.previous(), event.party().state(),
                                change.cause() == null ? "" : " (" + change.cause() + ")");
            }
            if (call.isEnded()) {
                going.remove(call.id());
                ended.put(call.id(), Boolean.TRUE);
                put(LogContext.USER, usersOf(call));
                long seconds = Duration.between(call.createdAt(), Instant.now()).toSeconds();
                LOG.atInfo().addKeyValue("durationSeconds", seconds)
                        .log("call {} ended after {}s", call.id(), seconds);
            }
        } finally {
            MDC.remove(LogContext.CALL_ID);
            MDC.remove(LogContext.USER);
        }
    }

    private String userOf(String dn) {
        return deviceOfDn.apply(dn).map(Device::ownerId).flatMap(userOfId).map(User::userName).orElse(null);
    }

    private String usersOf(CallSnapshot call) {
        StringJoiner names = new StringJoiner(",");
        Set<String> seen = new HashSet<>();
        for (PartySnapshot party : call.parties()) {
            if (party.internal()) {
                String name = userOf(party.number());
                if (name != null && seen.add(name)) {
                    names.add(name);
                }
            }
        }
        return names.length() == 0 ? null : names.toString();
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
