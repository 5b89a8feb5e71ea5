package com.dialtone.server.notifications;

import com.dialtone.server.directory.Device;
import com.dialtone.server.devices.DeviceMapper;
import com.dialtone.server.directory.Devices;
import com.dialtone.switching.CallEvent;
import com.dialtone.switching.DnEvent;
import com.dialtone.switching.SwitchListener;

/**
 * Turns changes of a DN's own state into {@code DeviceStateChangeMessage}s on {@code /v2/me/devices}, for
 * the user whose device it is. Like {@link CallNotifier}, it runs on the switch's thread and only queues,
 * in the same {@link DeliveryOrder}: a device change that follows a call's release (after-call work) is
 * never seen before that release.
 */
public final class DeviceNotifier implements SwitchListener {

    public static final String CHANNEL = "/v2/me/devices";

    private final Devices devices;
    private final DeviceMapper mapper;
    private final Outbox sessions;
    private final DeliveryOrder order;

    public DeviceNotifier(Devices devices, DeviceMapper mapper, Outbox sessions, DeliveryOrder order) {
        this.devices = devices;
        this.mapper = mapper;
        this.sessions = sessions;
        this.order = order;
    }

    @Override
    public void onCallEvent(CallEvent event) {
        // calls are CallNotifier's
    }

    /**
     * Tells the owner of each device how it is now, in the same order as the switch's events: what the device
     * looks like changed without a switch event (the test lab's switch link went down or came back).
     */
    public void announceAll() {
        long started = System.nanoTime();
        for (Device device : devices.all()) {
            if (sessions.isListening(device.ownerId(), CHANNEL)) {
                DeviceStateChangeMessage message = DeviceStateChangeMessage.of(mapper.toResource(device), Metrics.since(started));
                order.deliver(device.ownerId(), () -> sessions.deliver(device.ownerId(), CHANNEL, message));
            }
        }
    }

    @Override
    public void onDnEvent(DnEvent event) {
        Device device = devices.byDn(event.dn()).orElse(null);
        if (device == null || !sessions.isListening(device.ownerId(), CHANNEL)) {
            return;
        }
        // The event's own snapshot, not the DN's latest: each message shows the state its change left.
        DeviceStateChangeMessage message = DeviceStateChangeMessage.of(mapper.toResource(device, event.state()),
                Metrics.since(event.startedNanos()));
        order.deliver(device.ownerId(), () -> sessions.deliver(device.ownerId(), CHANNEL, message));
    }
}
