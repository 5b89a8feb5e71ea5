package com.dialtone.server.notifications;

/**
 * {@code metrics.eventProcessing} of a notification, measured for real (docs/notifications.md):
 *
 * @param nodeProcessingTimeNanos     from the moment the switch took up the request or timer that caused
 *                                    the event, to the moment this message was built
 * @param serverGenerationTimestamp   when this message was built, in milliseconds since the epoch
 * @param serverProcessingTimeTotalMs the same span as nodeProcessingTimeNanos, in whole milliseconds
 */
public record Metrics(EventProcessing eventProcessing) {

    public record EventProcessing(long nodeProcessingTimeNanos, long serverGenerationTimestamp, long serverProcessingTimeTotalMs) {
    }

    static Metrics since(long startedNanos) {
        long nanos = Math.max(0, System.nanoTime() - startedNanos);
        return new Metrics(new EventProcessing(nanos, System.currentTimeMillis(), Math.round(nanos / 1_000_000.0)));
    }
}
