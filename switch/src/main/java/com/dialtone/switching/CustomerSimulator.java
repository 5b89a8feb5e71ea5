package com.dialtone.switching;

import java.util.concurrent.CompletableFuture;

/**
 * Simulated customers calling in: what the embedded switch offers so that a contact centre can be tried
 * without a telephone network. Not part of {@link Switch}: a switch connected to real phones gets its
 * inbound calls from real customers.
 */
public interface CustomerSimulator {

    /**
     * A customer at external number {@code from} calls {@code to} (a routing point, or a DN), with data
     * attached to the call. The call has type {@link CallType#INBOUND}, {@code ani} {@code from} and
     * {@code dnis} {@code to}; the customer behaves as told.
     *
     * @return the call just after it was created
     */
    CompletableFuture<CallSnapshot> customerCall(String from, String to, UserData userData, CustomerBehaviour behaviour);

    /** Hangs up the customer at {@code from} in the call, as if they put the phone down. */
    CompletableFuture<Void> customerHangUp(String callId, String from);

    /**
     * The customer at {@code from}, established in the call, keys in digits: every internal party that
     * hears the call gets {@link CallEvent.DtmfSent} with the customer as sender. Refused while the
     * customer is not established (still queued or ringing) or for digits other than 1 to 64 of 0-9, * and #.
     */
    CompletableFuture<Void> customerDtmf(String callId, String from, String digits);
}
