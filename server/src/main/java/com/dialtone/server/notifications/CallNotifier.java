package com.dialtone.server.notifications;

import com.dialtone.server.calls.CallMapper;
import com.dialtone.server.calls.CallResource;
import com.dialtone.server.calls.CallView;
import com.dialtone.server.directory.Device;
import com.dialtone.server.directory.Devices;
import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.Switch;
import com.dialtone.switching.SwitchListener;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Turns switch events into GWS notifications on {@code /v2/me/calls}, for the user whose device the event
 * is about. Runs on the switch's thread: it builds messages and queues them with CometD, nothing more,
 * and builds nothing when that user has no session listening.
 *
 * <p>What a client may do with a call also depends on the device's other calls (a consult call that
 * answers makes the held call completable). So after a device's state changes in one call, each of its
 * other calls whose capabilities changed, while its own state did not, is announced again with a
 * {@code StatusChange}: GWS's notification for changed capabilities.
 *
 * <p>A device's {@code Released} goes out only once the call's history is committed (it is the moment
 * from which docs/call-history.md promises the call is in the history), and everything after it for the
 * same user waits behind it ({@link DeliveryOrder}). The wait is on another thread: here it only queues.
 */
public final class CallNotifier implements SwitchListener {

    public static final String CHANNEL = "/v2/me/calls";

    private final Devices devices;
    private final CallMapper mapper;
    private final Outbox sessions;
    private final Switch telephony;
    private final DeliveryOrder order;
    private final CallExtensions extensions;
    /** The commit of the call's latest history write (CallHistory.recorded). */
    private final Function<String, ? extends CompletionStage<?>> recorded;
    /** What each listening device was last told of each call; touched only on the switch's thread. */
    private final Map<String, Announced> announced = new HashMap<>();

    private record Announced(String state, List<String> capabilities) {
    }

    /**
     * @param recorded for a call id, what completes once the call's history, as of now, is committed
     */
    public CallNotifier(Devices devices, CallMapper mapper, Outbox sessions, Switch telephony, DeliveryOrder order,
                        CallExtensions extensions, Function<String, ? extends CompletionStage<?>> recorded) {
        this.devices = devices;
        this.mapper = mapper;
        this.sessions = sessions;
        this.telephony = telephony;
        this.order = order;
        this.extensions = extensions;
        this.recorded = recorded;
    }

    @Override
    public void onCallEvent(CallEvent event) {
        Device device = devices.byDn(event.dn()).orElse(null);
        if (device == null) {
            return;
        }
        if (event.party().state() == PartyState.RELEASED) {
            announced.remove(key(event.call().id(), device));
        }
        if (!sessions.isListening(device.ownerId(), CHANNEL)) {
            return;
        }
        List<CallSnapshot> deviceCalls = telephony.callsAt(device.phoneNumber());
        CallView view = CallView.of(event.call(), device, deviceCalls);
        if (event instanceof CallEvent.DestinationFailed failed) {
            ErrorMessage message = ErrorMessage.destinationFailed(failed.cause(), failed.destination(),
                    view.id(), mapper.toResource(view, Instant.now()).uri(), device.phoneNumber(), Metrics.since(event.startedNanos()));
            order.deliver(device.ownerId(), () -> sessions.deliver(device.ownerId(), CHANNEL, message));
            return;
        }
        if (event instanceof CallEvent.DtmfSent dtmf) {
            deliver(view, mapper.toResource(view, Instant.now()), "DtmfSent", extensions.dtmf(view, dtmf.sender(), dtmf.digits()),
                    event.startedNanos());
            return;
        }
        announce(view, notificationType(event), event.startedNanos());
        if (event instanceof CallEvent.PartyStateChanged) {
            for (CallSnapshot other : deviceCalls) {
                if (!other.id().equals(event.call().id())) {
                    refreshCapabilities(CallView.of(other, device, deviceCalls), event.startedNanos());
                }
            }
        }
    }

    private static String notificationType(CallEvent event) {
        if (event instanceof CallEvent.PartyStateChanged || event instanceof CallEvent.MuteChanged
                || event instanceof CallEvent.MonitoringChanged) {
            return "StatusChange";
        } else if (event instanceof CallEvent.MonitoredPartyMuteChanged) {
            return "MonitoredUserMutedStateChange";
        } else if (event instanceof CallEvent.PartiesChanged) {
            return "ParticipantsUpdated";
        } else if (event instanceof CallEvent.UserDataChanged) {
            return "AttachedDataChanged";
        } else if (event instanceof CallEvent.RecordingChanged) {
            return "CallRecordingStateChange";
        }
        throw new IllegalArgumentException("no notification for " + event);
    }

    private void refreshCapabilities(CallView view, long startedNanos) {
        Announced before = announced.get(key(view.id(), view.device()));
        CallResource now = mapper.toResource(view, Instant.now());
        // A call whose state changed in this same change has its own event coming: leave it to that.
        if (before != null && before.state().equals(now.state()) && !before.capabilities().equals(now.capabilities())) {
            deliver(view, now, "StatusChange", startedNanos);
        }
    }

    private void announce(CallView view, String notificationType, long startedNanos) {
        deliver(view, mapper.toResource(view, Instant.now()), notificationType, startedNanos);
    }

    private void deliver(CallView view, CallResource call, String notificationType, long startedNanos) {
        deliver(view, call, notificationType, extensions.of(notificationType, view), startedNanos);
    }

    private void deliver(CallView view, CallResource call, String notificationType, Map<String, Object> messageExtensions,
                         long startedNanos) {
        if (view.state() != PartyState.RELEASED) {
            announced.put(key(view.id(), view.device()), new Announced(call.state(), call.capabilities()));
        }
        String userId = view.device().ownerId();
        // Built now, as the change left the call; only its delivery may wait.
        CallStateChangeMessage message = CallStateChangeMessage.of(notificationType, call, view.dn(), messageExtensions,
                Metrics.since(startedNanos));
        Runnable delivery = () -> sessions.deliver(userId, CHANNEL, message);
        if (view.state() == PartyState.RELEASED) {
            order.deliverAfter(userId, recorded.apply(view.id()), delivery);
        } else {
            order.deliver(userId, delivery);
        }
    }

    private static String key(String callId, Device device) {
        return callId + "@" + device.phoneNumber();
    }
}
