package com.dialtone.sip.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real baresip phone for tests: its own folder and ports, a tone WAV as its microphone, recording what it hears
 * (sndfile), driven over its ctrl_tcp module (netstring JSON commands and events). Closing it stops the process.
 */
public final class Baresip implements AutoCloseable {

    private static final Pattern TYPE = Pattern.compile("\"type\":\"([A-Z_]+)\"");
    private static final Pattern PARAM = Pattern.compile("\"param\":\"([^\"]*)\"");
    private static final AtomicInteger TOKENS = new AtomicInteger();

    private final Path folder;
    private final Process process;
    private final Socket control;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final Thread reader;

    /** One event: its type (CALL_INCOMING, CALL_ESTABLISHED, CALL_CLOSED, REGISTER_OK, ...) and parameter. */
    public record Event(String type, String param, String raw) {
    }

    /**
     * @param account the accounts line, e.g. {@code <sip:15001@127.0.0.1>;auth_pass=secret;regint=60;answermode=auto}
     */
    public static Baresip start(Path folder, String account, double toneHz) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        int sip = freePortPair();
        int ctrl = freePort();
        int rtp = 20000 + (sip % 400) * 100;
        Path tone = Tones.write(folder.resolve("tone.wav"), toneHz, 600);
        String config = String.join("\n",
                "module_path /usr/lib/baresip/modules",
                "sip_listen 127.0.0.1:" + sip,
                "net_interface 127.0.0.1",
                "audio_source aufile," + tone,
                "audio_player aubridge,nil",
                "audio_alert aubridge,alert",
                "rtp_ports " + rtp + "-" + (rtp + 99),
                "module g711.so", "module aufile.so", "module aubridge.so", "module sndfile.so",
                "module_tmp account.so", "module_app menu.so", "module_app ctrl_tcp.so",
                "ctrl_tcp_listen 127.0.0.1:" + ctrl,
                "snd_path " + folder.resolve("heard"), "");
        Files.createDirectories(folder.resolve("heard"));
        Files.writeString(folder.resolve("config"), config);
        Files.writeString(folder.resolve("accounts"), account + ";audio_codecs=PCMU,PCMA\n");
        Process process = new ProcessBuilder("baresip", "-f", folder.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("baresip.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        Socket socket = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (socket == null) {
            try {
                socket = new Socket("127.0.0.1", ctrl);
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IOException("baresip did not start: " + Files.readString(folder.resolve("baresip.log")));
                }
                Thread.sleep(50);
            }
        }
        return new Baresip(folder, process, socket);
    }

    private Baresip(Path folder, Process process, Socket control) {
        this.folder = folder;
        this.process = process;
        this.control = control;
        this.reader = new Thread(this::read, "baresip-events");
        reader.setDaemon(true);
        reader.start();
    }

    public void command(String command, String params) throws IOException {
        String json = "{\"command\":\"" + command + "\"" + (params == null ? "" : ",\"params\":\"" + params + "\"")
                + ",\"token\":\"t" + TOKENS.incrementAndGet() + "\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        OutputStream out = control.getOutputStream();
        synchronized (this) {
            out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write(',');
            out.flush();
        }
    }

    /** Waits for the next event of this type, skipping others. */
    public Event await(String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("baresip in " + folder + " sent no " + type + " within " + timeout + "; it sent " + seen);
            }
            if (event.type().equals(type)) {
                return event;
            }
        }
    }

    /** Waits until the phone's log says this (what it did before its control connection was up). */
    public void awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.readString(folder.resolve("baresip.log"), StandardCharsets.ISO_8859_1).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("baresip in " + folder + " did not log '" + text + "' within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    /** The recording of what it heard in its latest call (sndfile's {@code -dec.wav}). */
    public Path heard() throws IOException {
        try (Stream<Path> files = Files.list(folder.resolve("heard"))) {
            return files.filter(p -> p.toString().endsWith("-dec.wav")).max(java.util.Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new AssertionError("baresip in " + folder + " recorded nothing"));
        }
    }

    /**
     * Everything it has heard so far, in order: baresip starts a new {@code -dec.wav} each time a call's audio
     * restarts (a re-INVITE after hold, say), so the recordings are read one after the other.
     */
    public short[] heardAll() throws IOException {
        List<Path> recordings;
        try (Stream<Path> files = Files.list(folder.resolve("heard"))) {
            recordings = files.filter(p -> p.toString().endsWith("-dec.wav")).sorted().toList();
        }
        List<short[]> parts = new ArrayList<>();
        int total = 0;
        for (Path recording : recordings) {
            short[] part = Tones.samples(recording);
            parts.add(part);
            total += part.length;
        }
        short[] all = new short[total];
        int at = 0;
        for (short[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** How many samples it has recorded hearing so far: marks between which a test reads what was heard. */
    public int heardSoFar() throws IOException {
        return heardAll().length;
    }

    public long pid() {
        return process.pid();
    }

    public Path folder() {
        return folder;
    }

    private void read() {
        try (InputStream in = control.getInputStream()) {
            StringBuilder length = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                if (c != ':') {
                    if (Character.isDigit(c)) {
                        length.append((char) c);
                    }
                    continue;
                }
                byte[] body = in.readNBytes(Integer.parseInt(length.toString()));
                length.setLength(0);
                in.read(); // the netstring's ','
                String json = new String(body, StandardCharsets.UTF_8);
                Matcher type = TYPE.matcher(json);
                if (json.contains("\"event\":true") && type.find()) {
                    Matcher param = PARAM.matcher(json);
                    Event event = new Event(type.group(1), param.find() ? param.group(1) : null, json);
                    synchronized (seen) {
                        seen.add(event);
                    }
                    events.add(event);
                }
            }
        } catch (IOException | NumberFormatException ended) {
            // the phone closed its control connection
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            control.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** A port free for UDP and TCP whose next port (baresip's TLS) is free too. */
    public static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            if (free(port) && free(port + 1)) {
                return port;
            }
        }
        throw new IOException("no free port pair");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean free(int port) {
        try (ServerSocket tcp = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"));
             java.net.DatagramSocket udp = new java.net.DatagramSocket(port, java.net.InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
