package com.dialtone.server;

import com.dialtone.server.agents.AgentStateOperations;
import com.dialtone.server.agents.ChannelsResource;
import com.dialtone.server.agents.ContactCenterSession;
import com.dialtone.server.api.ApiServlet;
import com.dialtone.server.api.Features;
import com.dialtone.server.api.Route;
import com.dialtone.server.auth.Authenticator;
import com.dialtone.server.auth.CsrfProtection;
import com.dialtone.server.calls.CallMapper;
import com.dialtone.server.calls.CallOperations;
import com.dialtone.server.calls.CallsResource;
import com.dialtone.server.calls.UserCalls;
import com.dialtone.server.auth.Users;
import com.dialtone.server.config.ConfigException;
import com.dialtone.server.config.ConfigLoader;
import com.dialtone.server.config.ContactCenter;
import com.dialtone.server.config.DialtoneConfig;
import com.dialtone.server.config.ServerSettings;
import com.dialtone.server.devices.DeviceMapper;
import com.dialtone.server.devices.DeviceOperations;
import com.dialtone.server.directory.Devices;
import com.dialtone.server.devices.DevicesResource;
import com.dialtone.server.calls.DialOperation;
import com.dialtone.server.diagnostics.DiagnosticsResource;
import com.dialtone.server.diagnostics.HealthServlet;
import com.dialtone.server.diagnostics.Readiness;
import com.dialtone.server.faults.FaultResource;
import com.dialtone.server.faults.Faults;
import com.dialtone.server.faults.FaultyOutbox;
import com.dialtone.server.faults.LinkedSwitch;
import com.dialtone.server.history.CallHistory;
import com.dialtone.server.history.CallHistoryResource;
import com.dialtone.server.history.HistoryWriter;
import com.dialtone.server.history.InteractionsResource;
import com.dialtone.server.http.BodyLimitFilter;
import com.dialtone.server.http.CrossOrigin;
import com.dialtone.server.http.JsonErrorHandler;
import com.dialtone.server.http.PublicUrls;
import com.dialtone.server.logging.CallLog;
import com.dialtone.server.logging.RequestLog;
import com.dialtone.server.logging.SessionUserFilter;
import com.dialtone.server.me.MeResource;
import com.dialtone.server.metrics.CallMetrics;
import com.dialtone.server.metrics.Metrics;
import com.dialtone.server.metrics.MetricsServlet;
import com.dialtone.server.metrics.RequestMetrics;
import com.dialtone.server.me.UserMapper;
import com.dialtone.server.notifications.CallExtensions;
import com.dialtone.server.notifications.CallNotifier;
import com.dialtone.server.notifications.DeliveryOrder;
import com.dialtone.server.notifications.DeviceNotifier;
import com.dialtone.server.openapi.OpenApiResource;
import com.dialtone.server.cometd.LoginSessions;
import com.dialtone.server.cometd.Notifications;
import com.dialtone.server.provisioning.ProvisioningApi;
import com.dialtone.server.provisioning.StoredContactCenter;
import com.dialtone.server.scenarios.ScenarioResource;
import com.dialtone.server.scenarios.Scenarios;
import com.dialtone.server.sim.SimulatorResource;
import com.dialtone.server.storage.Database;
import com.dialtone.server.workspace.BusinessAttributesResource;
import com.dialtone.server.workspace.ContactCenterInfo;
import com.dialtone.server.workspace.ContactsResource;
import com.dialtone.server.workspace.GroupsResource;
import com.dialtone.server.workspace.ServicesResource;
import com.dialtone.server.workspace.TServerSettingsResource;
import com.dialtone.server.workspace.UserEventsResource;
import com.dialtone.server.workspace.WorkbinsResource;
import com.dialtone.server.telephony.SipTelephony;
import com.dialtone.switching.embedded.EmbeddedSwitch;
import com.dialtone.switching.embedded.SwitchLoop;
import com.dialtone.switching.embedded.FarEndBehaviour;
import com.dialtone.switching.embedded.SimulatedEndpoints;
import com.dialtone.switching.embedded.ThreadSwitchLoop;
import jakarta.servlet.DispatcherType;
import java.net.URL;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ResourceServlet;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * One Dialtone server: the embedded switch, the GWS REST API under {@code /api/v2}, CometD at
 * {@code /api/v2/notifications} and the customer simulator under {@code /sim}, all on one Jetty connector. This class only wires the parts together.
 */
public final class DialtoneServer implements AutoCloseable {

    private final DialtoneConfig config;
    private final ContactCenter contactCenter;
    private final Database database;
    private final StoredContactCenter stored;
    private final boolean builtInUsers;
    private final Server jetty;
    private final ServerConnector connector;
    private final SwitchLoop loop;
    private final EmbeddedSwitch telephony;
    /** The simulated phones and far ends, which the test lab tells how external numbers behave. */
    private final SimulatedEndpoints simulated;
    /** The SIP phones and trunks (telephony.sip), or null when every device is simulated. */
    private final SipTelephony sip;
    private Scenarios scenarios;
    /** The test lab's faults (docs/test-lab.md), which act in the API, the notifications and the link to the switch. */
    private Faults faults;
    private Notifications notifications;
    private PublicUrls urls;
    private HistoryWriter historyWriter;
    /** What /health/ready checks: the database and the switch (docs/operations.md, "Health"). */
    private final Readiness readiness = new Readiness();
    /** What /metrics serves (docs/operations.md, "Metrics"). */
    private final Metrics metrics = new Metrics();
    /** What the API servlets serve (routeTable()). */
    private final List<String> routeTable = new ArrayList<>();
    /** Hands notifications to CometD off the switch's and the history writer's threads (DeliveryOrder). */
    private final ExecutorService deliveries = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
            new ThreadFactory() {
                private final AtomicInteger count = new AtomicInteger();

                @Override
                public Thread newThread(Runnable runnable) {
                    Thread thread = new Thread(runnable, "dialtone-notify-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }
            });

    public DialtoneServer(DialtoneConfig config) {
        this(config, new ThreadSwitchLoop());
    }

    /**
     * @param loop the switch's thread and clock, which the server closes when it closes; tests where
     *             timing matters give a manual one (the switch's test-jar has {@code ManualSwitchLoop})
     */
    public DialtoneServer(DialtoneConfig config, SwitchLoop loop) {
        this.loop = loop;
        this.config = config;
        this.contactCenter = ContactCenter.from(config);
        this.builtInUsers = ConfigLoader.hasBuiltInUsers(config);
        this.database = Database.open(config.storage());
        try {
            this.stored = StoredContactCenter.open(database, contactCenter);
            this.simulated = new SimulatedEndpoints(contactCenter.dialPlan());
            this.sip = config.telephony().sip() == null ? null : SipTelephony.start(config.telephony().sip(), java.time.Clock.systemUTC());
            try {
                this.telephony = new EmbeddedSwitch(
                        stored.devices().all().stream().map(d -> d.phoneNumber()).collect(Collectors.toSet()),
                        contactCenter.routingPlan(stored.users(), stored.devices()), sip == null ? simulated : sip.endpoints(simulated), loop);
            } catch (RuntimeException e) {
                if (sip != null) {
                    sip.close();
                }
                throw e;
            }
            if (sip != null) {
                sip.endpoint().takeCallsWith(telephony); // calls from phones and trunks
            }
        } catch (RuntimeException e) {
            database.close();
            loop.close();
            throw e instanceof IllegalArgumentException ? new ConfigException("the stored contact centre does not fit the configuration: "
                    + e.getMessage()) : e;
        }
        ServerSettings settings = config.server();
        jetty = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // Jetty's default keeps a 1,024-entry header cache per connection: 96 KiB each, which is most of
        // what an idle long-polling desktop costs (docs/BENCHMARKS.md). Its saving is a few allocations per request.
        http.setHeaderCacheSize(0);
        connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        jetty.addConnector(connector);
        jetty.setErrorHandler(new JsonErrorHandler());
        jetty.setRequestLog(new org.eclipse.jetty.server.RequestLog.Collection(new RequestLog(), new RequestMetrics(metrics.registry())));
        metrics.bindJettyThreads(jetty.getThreadPool());
    }

    /** Starts listening; returns once requests are served. */
    public DialtoneServer start() throws Exception {
        ServerSettings settings = config.server();
        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.SESSIONS);
        context.setErrorHandler(new JsonErrorHandler.ForContext());
        context.getSessionHandler().setMaxInactiveInterval((int) settings.sessionTimeout().toSeconds());
        context.getSessionHandler().setHttpOnly(true);
        LoginSessions loginSessions = new LoginSessions();
        context.getSessionHandler().addEventListener(loginSessions);
        jetty.setHandler(CrossOrigin.wrap(context, config.crossOriginSettings(), () -> urls.base()));
        FilterHolder bodyLimit = new FilterHolder(new BodyLimitFilter(settings.maxRequestBodyBytes()));
        bodyLimit.setAsyncSupported(true); // it reads oversized bodies away without blocking a thread
        context.addFilter(bodyLimit, "/*", EnumSet.of(DispatcherType.REQUEST));

        Authenticator authenticator = new Authenticator(stored.users());
        context.addServlet(new ServletHolder("metrics", new MetricsServlet(metrics, authenticator)), "/metrics");
        FilterHolder sessionUser = new FilterHolder(new SessionUserFilter(authenticator));
        sessionUser.setAsyncSupported(true);
        context.addFilter(sessionUser, "/*", EnumSet.of(DispatcherType.REQUEST)); // names the user in the request log
        notifications = new Notifications(context, authenticator, loginSessions, config.notifications(), settings.maxRequestBodyBytes());
        // The public URL must be known before any resource is built; with port 0 it is known only once
        // the connector is bound, so bind first.
        connector.open();
        urls = new PublicUrls(settings.publicBaseUrl() != null ? settings.publicBaseUrl()
                : "http://" + hostForUrls(settings.host()) + ":" + connector.getLocalPort());

        Devices allDevices = stored.devices();
        Features features = stored::hasFeature; // the live set: what is assigned or unassigned counts at once
        faults = new Faults(simulated, notifications::cut);
        // What the notifiers write to: the faults' outbox in front of CometD's. The API's operations reach the
        // switch through the link the test lab can take down; queries and the notifiers use the switch itself.
        FaultyOutbox outbox = new FaultyOutbox(notifications.sessions(), faults);
        com.dialtone.switching.Switch linked = LinkedSwitch.over(telephony, faults);
        CallMapper callMapper = new CallMapper(urls, features);
        ContactCenterInfo center = new ContactCenterInfo(config.contactCenter(), urls);
        DeviceMapper deviceMapper = new DeviceMapper(telephony, allDevices, stored.users(), urls, features, center.voiceEnvironmentUri(),
                () -> !faults.switchLinkDown());
        UserCalls userCalls = new UserCalls(telephony, allDevices);
        AgentStateOperations agentStates = new AgentStateOperations(linked);
        CallsResource calls = new CallsResource(userCalls, callMapper, new CallOperations(linked, userCalls, features),
                new DialOperation(linked), allDevices, urls);
        DevicesResource devices = new DevicesResource(allDevices, deviceMapper,
                new DeviceOperations(linked, allDevices, agentStates, features), urls);
        ChannelsResource channels = new ChannelsResource(telephony, allDevices, agentStates);
        historyWriter = new HistoryWriter(database);
        // The history's times come from the switch's clock, as the calls' own do (a test's manual clock too).
        CallHistory history = new CallHistory(allDevices, stored.users(), historyWriter, new SwitchClock(loop));
        DeliveryOrder deliveryOrder = new DeliveryOrder(deliveries);
        List<Route> routes = new ArrayList<>();
        routes.addAll(new DiagnosticsResource(Version.current()).routes());
        routes.addAll(new OpenApiResource().routes());
        UserMapper userMapper = new UserMapper(urls);
        ProvisioningApi provisioning = new ProvisioningApi(stored, contactCenter, telephony, deviceMapper, userMapper, notifications, urls);
        routes.addAll(new MeResource(devices, calls, channels, allDevices, new ContactCenterSession(linked), agentStates,
                notifications.sessions()::endedHttpSession, userMapper, provisioning.passwordChange(), provisioning.assignedFeatures()).routes());
        routes.addAll(provisioning.routes());
        routes.addAll(channels.routes());
        routes.addAll(devices.routes());
        routes.addAll(calls.routes());
        routes.addAll(new CallHistoryResource(database).routes());
        routes.addAll(new ServicesResource(center).routes());
        routes.addAll(new GroupsResource(center).routes());
        routes.addAll(new ContactsResource(stored.users(), allDevices, center).routes());
        routes.addAll(new WorkbinsResource().routes());
        routes.addAll(new TServerSettingsResource(allDevices).routes());
        // /internal-api: what GWS serves its own desktop (WWE) beside the public API.
        List<Route> internalRoutes = new ArrayList<>();
        internalRoutes.addAll(new BusinessAttributesResource(config.contactCenter()).routes());
        internalRoutes.addAll(new UserEventsResource(allDevices).routes());
        routes.addAll(new InteractionsResource(history, historyWriter, database, deliveryOrder, outbox, features).routes());
        CsrfProtection csrf = new CsrfProtection(settings.csrfProtection());
        serveApi(context, "/api/v2", routes, authenticator, csrf, faults);
        serveApi(context, "/internal-api", internalRoutes, authenticator, csrf, faults);
        // The test lab (docs/test-lab.md): scenarios run on the switch's own loop and clock.
        scenarios = new Scenarios(loop, telephony, telephony,
                (number, busy) -> simulated.overrideFarEnd(number, busy ? FarEndBehaviour.busy() : null, 0));
        telephony.addListener(scenarios);
        List<Route> sim = new ArrayList<>(new SimulatorResource(telephony, telephony).routes());
        sim.addAll(new ScenarioResource(scenarios).routes());
        sim.addAll(new FaultResource(faults, stored.users(), allDevices).routes());
        serveApi(context, "/sim", sim, authenticator, csrf, com.dialtone.server.api.RequestGate.OPEN);
        serveAgentDesktop(context, this::isDemo);
        readiness.require("database", database::ping).require("switch", this::switchAnswers);
        if (sip != null) {
            readiness.require("sip", sip::check);
        }
        context.addServlet(new ServletHolder("health", new HealthServlet(readiness)), "/health/*");

        // The history first: a device's Released is delivered once the write the history submits for it has
        // committed, and everything later for that user waits behind it (docs/call-history.md, "Durability").
        telephony.addListener(history);
        CallExtensions extensions = new CallExtensions(config.routing().routingPoints().keySet(), config.routing().offerTimeout(),
                center.switchName(), userId -> stored.users().byId(userId).map(com.dialtone.server.auth.User::wrapUpTime).orElse(null));
        telephony.addListener(new CallNotifier(allDevices, callMapper, outbox, telephony, deliveryOrder, extensions,
                history::recorded));
        DeviceNotifier deviceNotifier = new DeviceNotifier(allDevices, deviceMapper, outbox, deliveryOrder);
        telephony.addListener(deviceNotifier);
        faults.onLinkChange(deviceNotifier::announceAll);
        telephony.addListener(new CallLog(allDevices::byDn, stored.users()::byId));
        telephony.addListener(new CallMetrics(metrics.registry()));
        jetty.start();
        notifications.start();
        return this;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Where this server can be reached from this machine, e.g. {@code http://127.0.0.1:8090}. */
    public String localUrl() {
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "127.0.0.1" : connector.getHost();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** What absolute URIs in resources and notifications start with (server.publicBaseUrl, or the local URL). */
    public String baseUrl() {
        return urls.base();
    }

    /**
     * Whether this is the built-in demo contact centre, whose passwords are well known: the configuration's users
     * are the built-in ones (no {@code --config} file replaced them), and the database has every one of them (it was
     * seeded from the demo, not from another configuration earlier, and provisioning has not deleted any).
     */
    public boolean isDemo() {
        return builtInUsers && contactCenter.users().all().stream().allMatch(u -> stored.users().byId(u.id()).isPresent());
    }

    /** The users as stored now. */
    public Users users() {
        return stored.users();
    }

    /** Where the data is, for people: the H2 folder or the PostgreSQL URL without credentials. */
    public String databaseDescription() {
        return database.description();
    }

    /** Throws unless the switch's loop runs a task (it is not stopped, nor stuck in one). */
    private void switchAnswers() throws Exception {
        if (faults != null && faults.switchLinkDown()) {
            throw new IllegalStateException("the link to the switch is down (a test lab fault)");
        }
        CompletableFuture<Void> ran = new CompletableFuture<>();
        try {
            loop.execute(() -> ran.complete(null));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the switch is stopped");
        }
        ran.get(Readiness.TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The parts /health/ready checks; a part added later (the SIP listener) adds its own check. */
    public Readiness readiness() {
        return readiness;
    }

    /** Serves the routes under the prefix, and adds them to {@link #routeTable()}. */
    private void serveApi(ServletContextHandler context, String prefix, List<Route> routes, Authenticator authenticator, CsrfProtection csrf,
                          com.dialtone.server.api.RequestGate gate) {
        context.addServlet(asyncCapable(new ServletHolder(new ApiServlet(routes, authenticator, csrf,
                config.server().maxRequestBodyBytes(), gate))), prefix + "/*");
        for (Route route : routes) {
            routeTable.add(route.method() + " " + prefix + route.pattern());
        }
    }

    /**
     * Every route the API servlets serve, as {@code "GET /api/v2/me/calls/{id}"}, once started: what the OpenAPI
     * description must describe (OpenApiTest).
     */
    public List<String> routeTable() {
        return List.copyOf(routeTable);
    }

    @Override
    public void close() throws Exception {
        readiness.stopping();
        try {
            if (scenarios != null) {
                scenarios.stopAll();
            }
            jetty.stop();
        } finally {
            try {
                if (sip != null) {
                    sip.close(); // the phones' and trunks' calls end with a BYE
                }
                loop.close(); // no more calls change, so nothing more is submitted to the history ...
            } finally {
                try {
                    if (historyWriter != null) {
                        historyWriter.close(); // ... which is written out before the database closes
                    }
                } finally {
                    deliveries.shutdownNow();
                    if (faults != null) {
                        faults.close();
                    }
                    readiness.close();
                    metrics.close();
                    database.close();
                }
            }
        }
    }

    /**
     * The browser agent desktop (docs/agent-desktop.md): static files the build put under {@code static/} on the
     * class path, served at {@code /} without authentication (every API call they make still needs a login).
     * The more specific mappings ({@code /api/v2/*}, CometD, {@code /sim/*}) keep their requests. Beside the page,
     * {@code /desktop.json} tells it whether this is the demo.
     */
    private static void serveAgentDesktop(ServletContextHandler context, java.util.function.BooleanSupplier demo) {
        URL index = DialtoneServer.class.getClassLoader().getResource("static/index.html");
        if (index == null) {
            return; // built without the web part (an IDE build, say): the API works the same
        }
        String base = index.toExternalForm();
        ServletHolder desktop = new ServletHolder("agent-desktop", ResourceServlet.class);
        desktop.setInitParameter("baseResource", base.substring(0, base.length() - "index.html".length()));
        desktop.setInitParameter("dirAllowed", "false");
        desktop.setInitParameter("cacheControl", "no-cache");
        context.setWelcomeFiles(new String[] {"index.html"});
        context.addServlet(asyncCapable(desktop), "/");
        context.addServlet(asyncCapable(new ServletHolder("agent-desktop-settings", new DesktopJsonServlet(demo))), "/desktop.json");
    }

    /**
     * Lets BodyLimitFilter read an oversized body away asynchronously in front of this servlet. The servlets
     * themselves never go asynchronous.
     */
    private static ServletHolder asyncCapable(ServletHolder holder) {
        holder.setAsyncSupported(true);
        return holder;
    }

    private static String hostForUrls(String host) {
        if (host.equals("0.0.0.0") || host.equals("::")) {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                return "localhost";
            }
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
