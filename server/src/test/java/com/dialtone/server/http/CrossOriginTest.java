package com.dialtone.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrossOriginTest {

    @Test
    void aConfiguredOrigin_matchesItselfAndItsWildcards_only() {
        assertThat("https://desktop.example.com").matches(CrossOrigin.pattern("https://desktop.example.com"));
        assertThat("https://desktopXexample.com").doesNotMatch(CrossOrigin.pattern("https://desktop.example.com"));
        assertThat("https://a.example.com:8443").matches(CrossOrigin.pattern("https://*.example.com:8443"));
        assertThat("https://a.example.org:8443").doesNotMatch(CrossOrigin.pattern("https://*.example.com:8443"));
        assertThat(CrossOrigin.pattern("*")).isEqualTo("*");
    }
}
