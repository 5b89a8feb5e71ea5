package com.dialtone.server.http;

import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.StatusCode;
import com.dialtone.switching.SwitchRejection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for the switch to accept or refuse a request, and turns a refusal into the GWS error. The wait
 * is for the switch to take the request, not for its outcome: that comes later, as a notification.
 */
public final class SwitchResults {

    private static final long TIMEOUT_SECONDS = 5;

    private SwitchResults() {
    }

    public static <T> T await(CompletableFuture<T> request) {
        try {
            return awaitAccepted(request);
        } catch (SwitchRejection rejection) {
            throw toGws(rejection);
        }
    }

    /** Like {@link #await}, but a refusal comes back as the {@link SwitchRejection} itself, for callers that map it their way. */
    public static <T> T awaitAccepted(CompletableFuture<T> request) {
        try {
            return request.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SwitchRejection rejection) {
                throw rejection;
            }
            if (e.getCause() instanceof SwitchUnreachable) {
                throw unavailable();
            }
            throw new IllegalStateException("the switch failed a request", e.getCause());
        } catch (TimeoutException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    /** What GWS answers when it cannot send a request to T-Server (shared/spec/gws-voice-api.md, 1.4): 503, statusCode 4. */
    private static GwsException unavailable() {
        return new GwsException(StatusCode.SERVICE_UNAVAILABLE, "Voice service is not available at this time");
    }

    static GwsException toGws(SwitchRejection rejection) {
        return switch (rejection.reason()) {
            case UNKNOWN_CALL, UNKNOWN_DN -> new GwsException(StatusCode.NOT_FOUND, rejection.getMessage());
            case NOT_ALLOWED_IN_STATE -> new GwsException(StatusCode.INVALID_STATE, rejection.getMessage());
            case INVALID_DESTINATION, INVALID_ARGUMENT -> new GwsException(StatusCode.INVALID_INPUT, rejection.getMessage());
            // What GWS answers for a SIP phone that is not registered: 500, {"statusCode":4,"statusMessage":"Device '15001' is not registered."}
            case DEVICE_UNAVAILABLE -> new GwsException(StatusCode.INTERNAL_ERROR, rejection.getMessage());
        };
    }
}
