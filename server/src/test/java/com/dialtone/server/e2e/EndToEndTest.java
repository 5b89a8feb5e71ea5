package com.dialtone.server.e2e;

import com.dialtone.switching.embedded.SwitchLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh server for every test, and the agents the test logged in, closed afterwards. */
abstract class EndToEndTest {

    protected GwsServer server;
    private final List<Agent> agents = new ArrayList<>();

    /** Configuration laid over the test defaults; override to change it. */
    protected String[] configuration() {
        return new String[0];
    }

    /** The switch's loop and clock; override with a ManualSwitchLoop where the test must set the time. */
    protected SwitchLoop switchLoop() {
        return null;
    }

    @BeforeEach
    void startServer() {
        SwitchLoop loop = switchLoop();
        server = loop == null ? GwsServer.start(configuration()) : GwsServer.onClock(loop, configuration());
    }

    @AfterEach
    void stopServer() throws Exception {
        agents.forEach(Agent::close);
        server.close();
    }

    protected Agent login(String user, Transport transport) throws Exception {
        return keep(Agent.login(server, user, transport));
    }

    protected Agent login(String user, Transport transport, Agent.Login login, String... channels) throws Exception {
        return keep(Agent.login(server, user, transport, login, channels));
    }

    /** Logged in, with CometD listening to both the user's calls and devices, as a desktop does. */
    protected Agent desktop(String user, Transport transport) throws Exception {
        return login(user, transport, Agent.Login.SESSION_COOKIE, "/v2/me/calls", "/v2/me/devices");
    }

    protected Agent restOnly(String user) throws Exception {
        return keep(Agent.restOnly(server, user));
    }

    protected Agent keep(Agent agent) {
        agents.add(agent);
        return agent;
    }
}
