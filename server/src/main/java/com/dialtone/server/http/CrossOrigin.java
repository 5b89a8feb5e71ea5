package com.dialtone.server.http;

import com.dialtone.server.http.CrossOriginSettings;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.util.Callback;

/**
 * CORS as GWS's {@code crossOriginSettings} configure it, for REST, CometD (long-polling and the websocket
 * upgrade) and the desktop's files alike: Jetty's {@link CrossOriginHandler} in front of everything. A request
 * from Dialtone's own origin (the Host it was sent to, or {@code server.publicBaseUrl}) is not cross-origin
 * and passes untouched; a websocket upgrade from an origin not allowed is refused (400), so another site's
 * page cannot open a notification session with the agent's cookie; other requests from such an origin are
 * served without CORS headers, so the browser keeps their replies from that page's script.
 */
public final class CrossOrigin extends CrossOriginHandler {

    private final Supplier<String> publicBaseUrl;
    private volatile String publicOrigin;

    private CrossOrigin(Supplier<String> publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    /**
     * The handler to put in front of {@code handler}; {@code handler} itself when no other origin is allowed.
     * {@code publicBaseUrl} is asked when the server starts (with port 0 it is known only once bound).
     */
    public static Handler wrap(Handler handler, CrossOriginSettings settings, Supplier<String> publicBaseUrl) {
        if (!settings.enabled()) {
            return handler;
        }
        CrossOrigin cors = new CrossOrigin(publicBaseUrl);
        cors.setAllowedOriginPatterns(settings.allowedOrigins().stream().map(CrossOrigin::pattern).collect(Collectors.toSet()));
        cors.setAllowedMethods(new LinkedHashSet<>(settings.allowedMethods()));
        cors.setAllowedHeaders(new LinkedHashSet<>(settings.allowedHeaders()));
        cors.setExposedHeaders(new LinkedHashSet<>(settings.exposedHeaders()));
        cors.setAllowCredentials(settings.allowCredentials());
        cors.setPreflightMaxAge(settings.preflightMaxAge());
        cors.setDeliverPreflightRequests(false); // answered here: no servlet needs to see an OPTIONS preflight
        cors.setHandler(handler);
        return cors;
    }

    /** A configured origin, {@code *} standing for any characters, as the regular expression Jetty matches. */
    static String pattern(String origin) {
        if (origin.equals("*")) {
            return "*";
        }
        return Arrays.stream(origin.split("\\*", -1)).map(part -> part.isEmpty() ? "" : Pattern.quote(part))
                .collect(Collectors.joining(".*"));
    }

    @Override
    protected void doStart() throws Exception {
        URI base = URI.create(publicBaseUrl.get());
        publicOrigin = base.getScheme() + "://" + base.getRawAuthority();
        super.doStart();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && isSameOrigin(origin, request.getHttpURI())) {
            Handler next = getHandler();
            return next != null && next.handle(request, response, callback);
        }
        return super.handle(request, response, callback);
    }

    private boolean isSameOrigin(String origin, HttpURI uri) {
        return origin.equalsIgnoreCase(publicOrigin)
                || (uri.getScheme() != null && uri.getAuthority() != null && origin.equalsIgnoreCase(uri.getScheme() + "://" + uri.getAuthority()));
    }
}
