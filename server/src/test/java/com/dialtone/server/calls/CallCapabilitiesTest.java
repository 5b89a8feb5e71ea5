package com.dialtone.server.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.switching.embedded.DialPlan;
import com.dialtone.switching.embedded.FarEndBehaviour;
import java.time.Duration;
import java.util.Map;
import com.dialtone.switching.embedded.EmbeddedSwitch;
import com.dialtone.switching.embedded.ThreadSwitchLoop;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallCapabilitiesTest {

    @Test
    void everyCapabilityThatCanBeAdvertised_isAnOperationTheServerPerforms() {
        try (ThreadSwitchLoop loop = new ThreadSwitchLoop()) {
            CallOperations operations = new CallOperations(new EmbeddedSwitch(Set.of("1"), new DialPlan(FarEndBehaviour.busy(), Map.of(), Duration.ofSeconds(1)), loop), null, null);

            assertThat(operations.names()).containsExactlyInAnyOrderElementsOf(
                    Arrays.stream(CallCapabilities.Operation.values()).map(Enum::name).toList());
        }
    }
}
