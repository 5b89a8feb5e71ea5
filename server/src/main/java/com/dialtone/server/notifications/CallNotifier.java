package com.dialtone.server.notifications;

import com.dialtone.server.calls.CallMapper;
import com.dialtone.server.calls.CallResource;
import com.dialtone.server.calls.CallView;
import com.dialtone.server.devices.Device;
import com.dialtone.server.devices.Devices;
import com.dialtone.switching.CallEvent;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchListener;
import java.time.Instant;

/**
 * Turns switch events into GWS notifications on {@code /v2/me/calls}, for the user whose device the event
 * is about. Runs on the switch's thread: it builds the message and queues it with CometD, nothing more,
 * and does not even build it when that user has no session listening.
 */
public final class CallNotifier implements SwitchListener {

    public static final String CHANNEL = "/v2/me/calls";

    private final Devices devices;
    private final CallMapper mapper;
    private final NotificationSessions sessions;

    public CallNotifier(Devices devices, CallMapper mapper, NotificationSessions sessions) {
        this.devices = devices;
        this.mapper = mapper;
        this.sessions = sessions;
    }

    @Override
    public void onCallEvent(CallEvent event) {
        Device device = devices.byDn(event.dn()).orElse(null);
        if (device == null || !sessions.isListening(device.ownerId(), CHANNEL)) {
            return;
        }
        CallView view = new CallView(event.call(), device);
        CallResource call = mapper.toResource(view, Instant.now());
        String notificationType;
        if (event instanceof CallEvent.PartyStateChanged changed) {
            notificationType = "StatusChange";
            reportFailure(changed, call, device);
        } else if (event instanceof CallEvent.UserDataChanged) {
            notificationType = "AttachedDataChanged";
        } else if (event instanceof CallEvent.DtmfSent) {
            notificationType = "DtmfSent";
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
        sessions.deliver(device.ownerId(), CHANNEL,
                CallStateChangeMessage.of(notificationType, call, device.phoneNumber(), Metrics.since(event.startedNanos())));
    }

    /** A call that never got through: say why, just before the Released that ends it. */
    private void reportFailure(CallEvent.PartyStateChanged changed, CallResource call, Device device) {
        ReleaseCause cause = changed.cause();
        if (cause == null || !cause.isFailure()) {
            return;
        }
        ErrorMessage.Failure failure = cause == ReleaseCause.BUSY ? ErrorMessage.Failure.DESTINATION_BUSY : ErrorMessage.Failure.NO_ANSWER;
        sessions.deliver(device.ownerId(), CHANNEL, ErrorMessage.of(failure, changed.call().dnis(), call.id(), call.uri(),
                device.phoneNumber(), Metrics.since(changed.startedNanos())));
    }
}
