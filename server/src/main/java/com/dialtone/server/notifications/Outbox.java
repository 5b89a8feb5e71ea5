package com.dialtone.server.notifications;

/**
 * Where notifications go out: each to the sessions of the user it belongs to that listen to a matching
 * channel. GWS channels such as {@code /v2/me/calls} are per user, so nothing is published to a channel as
 * such. The notifiers build messages and hand them here; the CometD adapter ({@code cometd/}) implements it.
 */
public interface Outbox {

    /** True if the user has a session subscribed to something matching the channel: else nothing need be built. */
    boolean isListening(String userId, String channel);

    /** Queues the message for each of the user's sessions subscribed to a matching channel. Never blocks. */
    void deliver(String userId, String channel, Object data);
}
