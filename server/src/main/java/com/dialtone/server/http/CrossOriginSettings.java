package com.dialtone.server.http;

import java.time.Duration;
import java.util.List;

/**
 * GWS's {@code crossOriginSettings}: which other web origins may call Dialtone from a browser (an agent desktop
 * served from another host), docs/configuration.md. No {@code allowedOrigins}: same-origin only, as before.
 *
 * @param allowedOrigins   origins such as {@code https://desktop.example.com}; {@code *} in one stands for any
 *                         characters ({@code https://*.example.com}); {@code "*"} alone allows every origin
 * @param allowedMethods   what a cross-origin request may use
 * @param allowedHeaders   the request headers it may send (the CSRF token's among them)
 * @param exposedHeaders   the reply headers its script may read ({@code X-CSRF-HEADER}, {@code X-CSRF-TOKEN})
 * @param allowCredentials whether it may send the session cookie and {@code Authorization}
 * @param preflightMaxAge  how long a browser may keep a preflight's answer
 */
public record CrossOriginSettings(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
                                  List<String> exposedHeaders, boolean allowCredentials, Duration preflightMaxAge) {

    public boolean enabled() {
        return allowedOrigins != null && !allowedOrigins.isEmpty();
    }
}
