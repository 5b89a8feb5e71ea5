package com.dialtone.server.faults;

import com.dialtone.server.http.StatusCode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One injected fault (docs/test-lab.md, "Faults"): what goes wrong, for whom, and for how long: the next
 * {@code count} times it acts, or until {@code endsAt}, whichever comes first. Thread-safe: it is consulted
 * from request threads and the notification path at once.
 */
final class Fault {

    /** What goes wrong, with the name the API and the command line use. */
    enum Kind {
        REFUSE_OPERATIONS("refuseOperations", Scope.Type.USER, Scope.Type.DN, Scope.Type.EVERYONE),
        SLOW_REPLIES("slowReplies", Scope.Type.USER, Scope.Type.DN, Scope.Type.EVERYONE),
        DELAY_NOTIFICATIONS("delayNotifications", Scope.Type.USER, Scope.Type.DN, Scope.Type.EVERYONE),
        DROP_NOTIFICATIONS("dropNotifications", Scope.Type.USER, Scope.Type.DN, Scope.Type.EVERYONE),
        DUPLICATE_NOTIFICATIONS("duplicateNotifications", Scope.Type.USER, Scope.Type.DN, Scope.Type.EVERYONE),
        SWITCH_LINK_DOWN("switchLinkDown", Scope.Type.EVERYONE),
        NUMBER_BUSY("numberBusy", Scope.Type.NUMBER),
        NUMBER_UNANSWERED("numberUnanswered", Scope.Type.NUMBER),
        NUMBER_ANSWERS_AND_HANGS_UP("numberAnswersAndHangsUp", Scope.Type.NUMBER);

        final String wire;
        final Set<Scope.Type> scopes;

        Kind(String wire, Scope.Type... scopes) {
            this.wire = wire;
            this.scopes = Set.of(scopes);
        }

        boolean isNotification() {
            return this == DELAY_NOTIFICATIONS || this == DROP_NOTIFICATIONS || this == DUPLICATE_NOTIFICATIONS;
        }

        boolean isNumber() {
            return scopes.contains(Scope.Type.NUMBER);
        }
    }

    /**
     * Whom it applies to: a user, the user whose device a DN is (resolved when the fault is added), everyone,
     * or an external number.
     */
    record Scope(Type type, String value, String userId) {
        enum Type { USER, DN, EVERYONE, NUMBER }

        boolean covers(String someUserId) {
            return type == Type.EVERYONE || (userId != null && userId.equals(someUserId));
        }
    }

    final String id;
    final Kind kind;
    final Scope scope;
    /** How many times it acts before it ends; 0: no count, it lasts until {@link #endsAt}. */
    final int count;
    /** When it ends; null: when its count is used up. */
    final Instant endsAt;
    final Instant addedAt;
    /** For {@code refuseOperations}: the error the refused requests get. */
    final StatusCode statusCode;
    final String statusMessage;
    /** For delays and slow replies. */
    final Duration delay;
    private final AtomicInteger left;
    private final AtomicBoolean over = new AtomicBoolean();

    Fault(String id, Kind kind, Scope scope, int count, Instant endsAt, Instant addedAt, StatusCode statusCode, String statusMessage,
          Duration delay) {
        this.id = id;
        this.kind = kind;
        this.scope = scope;
        this.count = count;
        this.endsAt = endsAt;
        this.addedAt = addedAt;
        this.statusCode = statusCode;
        this.statusMessage = statusMessage;
        this.delay = delay;
        this.left = new AtomicInteger(count);
    }

    /** Whether it still applies (its count not used up, its time not over, not cleared). */
    boolean active(Instant now) {
        return !over.get() && (endsAt == null || now.isBefore(endsAt));
    }

    /**
     * Lets it act once, if it still may, using up one of its count. True when it acts; a fault whose count is
     * used up by this ends (and the caller ends it for good with {@link #end}).
     */
    boolean take(Instant now) {
        if (!active(now)) {
            return false;
        }
        if (count == 0) {
            return true;
        }
        while (true) {
            int n = left.get();
            if (n <= 0) {
                return false;
            }
            if (left.compareAndSet(n, n - 1)) {
                return true;
            }
        }
    }

    /** Whether its count is used up. */
    boolean usedUp() {
        return count > 0 && left.get() <= 0;
    }

    /** Ends it; true only the first time (so its ending's effects happen once). */
    boolean end() {
        return over.compareAndSet(false, true);
    }

    int left() {
        return left.get();
    }

    /** How it is listed: {@code GET /sim/faults} and {@code dialtone fault list}. */
    Map<String, Object> describe(Integer numberCallsLeft) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("fault", kind.wire);
        switch (scope.type()) {
            case USER -> out.put("user", scope.value());
            case DN -> out.put("dn", scope.value());
            case NUMBER -> out.put("number", scope.value());
            case EVERYONE -> out.put("everyone", true);
        }
        if (count > 0) {
            out.put("count", count);
            out.put("left", numberCallsLeft != null ? numberCallsLeft : Math.max(0, left.get()));
        }
        if (endsAt != null) {
            out.put("endsAt", endsAt.toString());
        }
        if (statusCode != null) {
            out.put("statusCode", statusCode.code());
            out.put("httpStatus", statusCode.httpStatus());
            out.put("statusMessage", statusMessage);
        }
        if (delay != null) {
            out.put("delay", delay.toMillis() / 1000.0);
        }
        out.put("addedAt", addedAt.toString());
        return out;
    }
}
