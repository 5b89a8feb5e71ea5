package com.dialtone.server;

import com.dialtone.server.auth.PasswordHasher;
import com.dialtone.server.config.ConfigException;
import com.dialtone.server.config.ConfigLoader;
import com.dialtone.server.config.DialtoneConfig;
import com.dialtone.server.logging.Logging;
import com.dialtone.server.sim.CallCommand;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code dialtone} command line. */
@Command(name = "dialtone", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "A Genesys Web Services 8.5 Voice API server with an embedded switch.",
        subcommands = {Main.Serve.class, CallCommand.class, ScenarioCommand.class, FaultCommand.class, Main.HashPassword.class, Main.SipHa1.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Starts the server (by default with the demo contact centre on http://127.0.0.1:8090).")
    static final class Serve implements Callable<Integer> {

        @Option(names = "--host", description = "Address to listen on (default: 127.0.0.1, or server.host of the config).")
        String host;

        @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: 8090, or server.port of the config).")
        Integer port;

        @Option(names = "--data", paramLabel = "DIR",
                description = "Folder of the embedded database (default: ./data, or storage.dataDir of the config).")
        String data;

        @Option(names = "--config", paramLabel = "FILE", description = "YAML file laid over the built-in defaults (docs/configuration.md).")
        Path config;

        @Option(names = "--log-format", paramLabel = "text|json",
                description = "text (default) or json: one JSON object a line (default: logging.format of the config).")
        String logFormat;

        @Option(names = "--log-level", paramLabel = "LEVEL",
                description = "TRACE, DEBUG, INFO, WARN, ERROR or OFF (default: INFO, or logging.level of the config).")
        String logLevel;

        @Option(names = "--log-config", paramLabel = "FILE",
                description = "A Logback XML configuration to use instead of the built-in one (default: logging.configFile of the config).")
        Path logConfig;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            DialtoneConfig loaded;
            try {
                loaded = ConfigLoader.load(config).withListenAddress(host, port).withDataDir(data)
                        .withLogging(logFormat, logLevel, logConfig == null ? null : logConfig.toString());
                ConfigLoader.validate(loaded);
                Logging.configure(loaded.logging());
            } catch (ConfigException e) {
                err.println("dialtone: " + e.getMessage());
                return 2;
            }
            DialtoneServer server;
            try {
                server = new DialtoneServer(loaded).start();
            } catch (ConfigException e) {
                err.println("dialtone: " + e.getMessage());
                return 2;
            } catch (java.io.IOException e) {
                err.println("dialtone: cannot listen on " + loaded.server().host() + ":" + loaded.server().port() + ": " + e.getMessage());
                return 1;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (Exception ignored) {
                    // shutting down anyway
                } finally {
                    Logging.flush();
                    stopped.countDown();
                }
            }, "dialtone-shutdown"));
            printBanner(spec.commandLine().getOut(), server);
            stopped.await();
            return 0;
        }

        private static void printBanner(PrintWriter out, DialtoneServer server) {
            String base = server.localUrl();
            boolean demo = server.isDemo();
            out.println("Dialtone " + Version.current() + " is listening on " + base);
            if (!server.baseUrl().equals(base)) {
                out.println("  URIs in replies and notifications start with " + server.baseUrl());
            }
            out.println("  Agent desktop (browser):  " + base + "/");
            out.println("  REST (GWS 8.5 Voice API): " + base + "/api/v2");
            out.println("  CometD notifications:     " + base + "/api/v2/notifications");
            out.println("  Data:                     " + server.databaseDescription());
            if (demo) {
                out.println("  Log in as agent1 ... agent20 (DNs 15001-15020), supervisor1 or admin; the password is 'demo'.");
                out.println("  Routing points: 8000 Sales (agent1-10), 8001 Support (agent11-20).");
                out.println("  Try: curl -u agent1:demo '" + base + "/api/v2/me?subresources=*'");
                out.println("  A customer calls Sales: ./dialtone call --to 8000 --data Product=Guitars");
            }
            out.println("Press Ctrl+C to stop.");
            out.flush();
        }
    }

    @Command(name = "hash-password", mixinStandardHelpOptions = true,
            description = "Reads a password and prints the hash to put in a user's passwordHash.")
    static final class HashPassword implements Callable<Integer> {

        @Override
        public Integer call() throws Exception {
            Console console = System.console();
            char[] password = console != null
                    ? console.readPassword("Password: ")
                    : new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine().toCharArray();
            if (password == null || password.length == 0) {
                System.err.println("dialtone: the password must not be empty");
                return 2;
            }
            System.out.println(PasswordHasher.hash(password));
            return 0;
        }
    }

    @Command(name = "sip-ha1", mixinStandardHelpOptions = true,
            description = "Reads a SIP phone's password and prints the digest HA1, MD5(dn:realm:password), to put in"
                    + " telephony.sip.credentials; Dialtone never stores the password.")
    static final class SipHa1 implements Callable<Integer> {

        @CommandLine.Option(names = "--realm", defaultValue = "dialtone",
                description = "telephony.sip.realm (default: ${DEFAULT-VALUE}); the HA1 is only good in this realm")
        String realm;

        @CommandLine.Parameters(index = "0", paramLabel = "DN", description = "the phone's DN, its SIP user name")
        String dn;

        @Override
        public Integer call() throws Exception {
            Console console = System.console();
            char[] password = console != null
                    ? console.readPassword("SIP password for " + dn + ": ")
                    : new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine().toCharArray();
            if (password == null || password.length == 0) {
                System.err.println("dialtone: the password must not be empty");
                return 2;
            }
            System.out.println(com.dialtone.sip.Digest.ha1(dn, realm, new String(password)));
            java.util.Arrays.fill(password, '\0');
            return 0;
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Dialtone " + Version.current()};
        }
    }
}
