package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * CORS (GWS's {@code crossOriginSettings}) with a real browser: a page served by another web server, on another
 * origin, uses Dialtone as a desktop served from elsewhere does: Basic login, the session cookie, the CSRF token
 * read from the reply headers and sent back (CSRF enforcement on), and the CometD JavaScript client loaded from
 * Dialtone and connected over websocket and over long-polling. A page on an origin that is not allowed gets
 * nothing: its requests fail in the browser and its websocket is refused.
 */
class CrossOriginBrowserTest extends DesktopBrowserTest {

    private static final String PAGE = "<!doctype html><html><head><title>other origin</title></head><body>elsewhere</body></html>";

    /**
     * Logs in, starts the session, makes the agent Not Ready, connects CometD with the transport given and asks for Ready;
     * answers what it saw.
     * Runs in the other origin's page (executeAsyncScript: the last argument is the callback).
     */
    private static final String DESKTOP_SCRIPT = """
            const [base, transport, done] = arguments;
            (async () => {
              const out = {};
              const login = await fetch(base + '/api/v2/me?subresources=devices', { credentials: 'include', headers: {
                  'Authorization': 'Basic ' + btoa('agent1:demo'), 'X-Requested-With': 'XMLHttpRequest',
                  'Content-Type': 'application/json; charset=UTF-8' } });
              out.login = login.status;
              out.csrfHeader = login.headers.get('X-CSRF-HEADER');
              const token = login.headers.get('X-CSRF-TOKEN');
              out.token = token != null;
              const post = (path, body, headers) => fetch(base + '/api/v2' + path, { method: 'POST', credentials: 'include',
                  headers: Object.assign({ 'Content-Type': 'application/json; charset=UTF-8', 'X-Requested-With': 'XMLHttpRequest' }, headers),
                  body: JSON.stringify(body) });
              out.withoutToken = (await post('/me', { operationName: 'StartContactCenterSession', channels: ['voice'] }, {})).status;
              const start = await post('/me', { operationName: 'StartContactCenterSession', channels: ['voice'] }, { [out.csrfHeader]: token });
              out.start = start.status;
              const me = await fetch(base + '/api/v2/me', { credentials: 'include', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
              out.cookieOnly = me.status;
              out.notReady = (await post('/me/channels/voice', { operationName: 'NotReady' }, { [out.csrfHeader]: token })).status;
              const { CometD } = await import(base + '/vendor/cometd/cometd.js');
              const cometd = new CometD();
              if (transport === 'long-polling') cometd.unregisterTransport('websocket');
              cometd.configure({ url: base + '/api/v2/notifications' });
              const state = await new Promise((resolve, reject) => {
                setTimeout(() => reject(new Error('no notification within 10 s')), 10000);
                cometd.handshake(reply => {
                  if (!reply.successful) { reject(new Error('handshake: ' + JSON.stringify(reply))); return; }
                  out.transport = cometd.getTransport().type;
                  cometd.subscribe('/v2/me/devices', m => {
                    const s = m.data.devices[0].userState.state;
                    if (s === 'Ready') resolve(s);
                  }, subscribed => {
                    if (!subscribed.successful) { reject(new Error('subscribe: ' + JSON.stringify(subscribed))); return; }
                    post('/me/channels/voice', { operationName: 'Ready' }, { [out.csrfHeader]: token });
                  });
                });
              });
              out.notified = state;
              await new Promise(resolve => cometd.disconnect(() => resolve()));
              return out;
            })().then(out => done(JSON.stringify(out)), e => done(JSON.stringify({ error: String(e) })));
            """;

    /** From an origin that is not allowed: a credentialed fetch, and a raw websocket to the notifications. */
    private static final String INTRUDER_SCRIPT = """
            const [base, done] = arguments;
            (async () => {
              const out = {};
              try {
                const r = await fetch(base + '/api/v2/me', { credentials: 'include', headers: { 'Authorization': 'Basic ' + btoa('agent1:demo') } });
                out.fetch = 'read ' + r.status;
              } catch (e) { out.fetch = 'blocked'; }
              out.websocket = await new Promise(resolve => {
                const ws = new WebSocket(base.replace('http', 'ws') + '/api/v2/notifications');
                ws.onopen = () => { resolve('open'); ws.close(); };
                ws.onerror = () => resolve('refused');
              });
              return out;
            })().then(out => done(JSON.stringify(out)), e => done(JSON.stringify({ error: String(e) })));
            """;

    private HttpServer pages;
    private String allowedOrigin;
    private String otherOrigin;

    @BeforeEach
    void servePagesOnTwoOtherOrigins() throws Exception {
        pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pages.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        pages.start();
        // The same page server answers under two origins: 127.0.0.1 and localhost differ as origins.
        allowedOrigin = "http://127.0.0.1:" + pages.getAddress().getPort();
        otherOrigin = "http://localhost:" + pages.getAddress().getPort();
        restartServerWith(DIAL_PLAN, "server: {csrfProtection: true}\n",
                "crossOriginSettings: {allowedOrigins: ['" + allowedOrigin + "']}\n");
    }

    @AfterEach
    void stopPages() {
        if (pages != null) {
            pages.stop(0);
        }
    }

    @Test
    void aDesktopFromAnAllowedOrigin_logsIn_sendsTheCsrfToken_andGetsNotifications_overBothTransports() throws Exception {
        for (String transport : new String[] {"websocket", "long-polling"}) {
            browser.get(allowedOrigin + "/desktop.html");
            JsonNode out = run(browser, DESKTOP_SCRIPT, server.local(), transport);

            assertThat(out.path("error").isMissingNode()).as("%s: %s", transport, out).isTrue();
            assertThat(out.path("login").asInt()).isEqualTo(200);
            assertThat(out.path("csrfHeader").asText()).as("the CSRF headers are exposed to the page").isEqualTo("X-CSRF-TOKEN");
            assertThat(out.path("token").asBoolean()).isTrue();
            assertThat(out.path("withoutToken").asInt()).as("CSRF enforcement still applies across origins").isEqualTo(403);
            assertThat(out.path("start").asInt()).isEqualTo(200);
            assertThat(out.path("cookieOnly").asInt()).as("the session cookie alone").isEqualTo(200);
            assertThat(out.path("notReady").asInt()).isEqualTo(200);
            assertThat(out.path("transport").asText()).isEqualTo(transport);
            assertThat(out.path("notified").asText()).isEqualTo("Ready");
        }
    }

    @Test
    void aPageFromAnOriginNotAllowed_cannotReadRepliesNorOpenTheNotifications() throws Exception {
        browser.get(otherOrigin + "/intruder.html");
        JsonNode out = run(browser, INTRUDER_SCRIPT, server.local());

        assertThat(out.path("fetch").asText()).as("%s", out).isEqualTo("blocked");
        assertThat(out.path("websocket").asText()).isEqualTo("refused");
        // The server's own origin is unaffected: the agent desktop served by Dialtone still logs in and connects.
        logInAndConnect(browser, "agent1", "demo");
    }

    private static JsonNode run(WebDriver browser, String script, Object... args) throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object result = js.executeAsyncScript(script, args);
        return JSON.readTree(String.valueOf(result));
    }
}
