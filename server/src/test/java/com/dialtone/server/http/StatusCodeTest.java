package com.dialtone.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StatusCodeTest {

    @Test
    void eachRowIsOneCodeWithOneHttpStatus_andOnlySuccessesAre200() {
        assertThat(Arrays.stream(StatusCode.values()).map(c -> c.code() + "/" + c.httpStatus()).collect(Collectors.toList()))
                .doesNotHaveDuplicates();
        assertThat(Arrays.stream(StatusCode.values()).filter(c -> c.httpStatus() == 200).map(StatusCode::code))
                .containsExactlyInAnyOrder(0, 7);
    }

    @Test
    void aRefusalGoesOutWithTheHttpStatusOfItsRow() {
        assertThat(new GwsException(StatusCode.METHOD_NOT_ALLOWED, "no").httpStatus()).isEqualTo(405);
        assertThat(new GwsException(StatusCode.BODY_TOO_LARGE, "no").httpStatus()).isEqualTo(413);
        assertThat(new GwsException(StatusCode.UNSUPPORTED_MEDIA_TYPE, "no").body()).containsEntry("statusCode", 10);
        assertThat(new GwsException(StatusCode.SERVICE_UNAVAILABLE, "no").httpStatus()).isEqualTo(503);
        assertThat(new GwsException(StatusCode.SERVICE_UNAVAILABLE, "no").body()).containsEntry("statusCode", 4);
    }
}
