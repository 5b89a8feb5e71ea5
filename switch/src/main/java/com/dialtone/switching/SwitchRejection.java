package com.dialtone.switching;

/**
 * A request the switch refuses: an expected outcome of a client asking for something that cannot be
 * done now, never a bug. The switch throws it before changing anything, so a refused request leaves
 * every call as it was.
 */
public final class SwitchRejection extends RuntimeException {

    public enum Reason {
        /** No such call, or the DN is not a party of it. */
        UNKNOWN_CALL,
        /** The DN is not configured on this switch. */
        UNKNOWN_DN,
        /**
         * The request is valid, but not in the current state of the call, party or DN (a DN to add that
         * is there already, or one to remove that is still in use).
         */
        NOT_ALLOWED_IN_STATE,
        /** The destination cannot be dialled (empty, or the caller's own DN). */
        INVALID_DESTINATION,
        /** An argument is malformed or refers to something that is not there. */
        INVALID_ARGUMENT,
        /**
         * The DN's device cannot carry out the request now: a SIP phone that is not registered. Its
         * {@link com.dialtone.switching.endpoint.Endpoint} refuses; the message says why, for people.
         */
        DEVICE_UNAVAILABLE
    }

    private final Reason reason;

    public SwitchRejection(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
