package com.dialtone.server.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.api.Features;
import com.dialtone.server.auth.Users;
import com.dialtone.server.directory.Device;
import com.dialtone.server.directory.Devices;
import com.dialtone.server.http.PublicUrls;
import com.dialtone.switching.embedded.DialPlan;
import com.dialtone.switching.embedded.EmbeddedSwitch;
import com.dialtone.switching.embedded.FarEndBehaviour;
import com.dialtone.switching.embedded.ThreadSwitchLoop;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one device mapper, for a device whose DN the switch has and for one it no longer has. */
class DeviceMapperTest {

    @Test
    void aDeviceWhoseDnTheSwitchNoLongerHas_isInactiveWithoutAUserState_ratherThanAnError() throws Exception {
        try (ThreadSwitchLoop loop = new ThreadSwitchLoop()) {
            EmbeddedSwitch telephony = new EmbeddedSwitch(Set.of("15001"),
                    new DialPlan(FarEndBehaviour.busy(), Map.of(), Duration.ofSeconds(30)), loop);
            Device kept = new Device("00000000-0000-4000-8000-000000000001", "15001", null);
            Device removed = new Device("00000000-0000-4000-8000-000000000002", "15002", null);
            DeviceMapper mapper = new DeviceMapper(telephony, new Devices(List.of(kept, removed)), new Users(List.of()),
                    new PublicUrls("http://127.0.0.1:8090"), Features.ALL, "http://127.0.0.1:8090/api/v2/voice-environments/x");

            assertThat(mapper.toResource(kept).deviceState()).isEqualTo("Active");
            DeviceResource gone = mapper.toResource(removed);
            assertThat(gone.deviceState()).isEqualTo("Inactive");
            assertThat(gone.userState()).as("GWS shows no userState on an Inactive device").isNull();
            assertThat(gone.phoneNumber()).isEqualTo("15002");
        }
    }
}
