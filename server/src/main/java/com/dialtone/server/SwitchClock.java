package com.dialtone.server;

import com.dialtone.switching.embedded.SwitchLoop;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The switch loop's wall clock as a {@link Clock}, for the parts of the server that time what the switch does. */
final class SwitchClock extends Clock {

    private final SwitchLoop loop;

    SwitchClock(SwitchLoop loop) {
        this.loop = loop;
    }

    @Override
    public Instant instant() {
        return loop.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the switch's clock is UTC");
    }
}
