package com.dialtone.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.StatusCode;
import com.dialtone.switching.SwitchRejection;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A switch's refusal becomes the GWS error a client expects. */
class SwitchResultsTest {

    @Test
    void aDeviceThatCannotAct_getsStatusCode4WithHttp500_andTheEndpointsMessage() {
        GwsException error = catchThrowableOfType(GwsException.class, () -> SwitchResults.await(CompletableFuture.failedFuture(
                new SwitchRejection(SwitchRejection.Reason.DEVICE_UNAVAILABLE, "Device '15001' is not registered."))));

        assertThat(error.statusCode()).isEqualTo(StatusCode.INTERNAL_ERROR);
        assertThat(error.statusCode().code()).isEqualTo(4);
        assertThat(error.httpStatus()).isEqualTo(500);
        assertThat(error.getMessage()).isEqualTo("Device '15001' is not registered.");
    }
}
