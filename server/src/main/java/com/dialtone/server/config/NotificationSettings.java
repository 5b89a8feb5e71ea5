package com.dialtone.server.config;

import java.time.Duration;

/**
 * CometD settings.
 *
 * @param timeout     how long a long-poll is held open when there is nothing to deliver
 * @param maxInterval how long a client may go without polling before its session is dropped
 * @param maxQueue    how many undelivered messages a session may have before it is dropped (it then
 *                    re-handshakes and recovers its state with GET)
 */
public record NotificationSettings(Duration timeout, Duration maxInterval, int maxQueue) {
}
