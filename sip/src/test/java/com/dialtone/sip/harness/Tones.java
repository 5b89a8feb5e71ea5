package com.dialtone.sip.harness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Audio for proving media: a WAV of one steady tone for a phone to play as its microphone, and the dominant
 * frequency of what a phone recorded (8 kHz, 16-bit mono, as baresip's sndfile writes it).
 */
public final class Tones {

    public static final int RATE = 8000;

    private Tones() {
    }

    /** Writes {@code seconds} of a sine at {@code hz} as an 8 kHz 16-bit mono WAV. */
    public static Path write(Path file, double hz, int seconds) throws IOException {
        int samples = RATE * seconds;
        ByteBuffer data = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        data.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        data.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2)
                .putShort((short) 2).putShort((short) 16);
        data.put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            data.putShort((short) (Math.sin(2 * Math.PI * hz * i / RATE) * 12000));
        }
        Files.write(file, data.array());
        return file;
    }

    /** The samples of a WAV as written so far (the header's sizes may not be final while it is being written). */
    public static short[] samples(Path wav) throws IOException {
        byte[] bytes = Files.readAllBytes(wav);
        int start = 44;
        int count = Math.max(0, (bytes.length - start) / 2);
        short[] samples = new short[count];
        ByteBuffer.wrap(bytes, start, count * 2).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }

    /** What was heard in [from, to): the dominant frequency in Hz (0 for silence) by a scan of 50..2000 Hz. */
    public static Heard analyse(short[] samples, int from, int to) {
        from = Math.max(0, from);
        to = Math.min(samples.length, to);
        int n = to - from;
        if (n < RATE / 10) {
            return new Heard(0, 0, n);
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        double rms = Math.sqrt(sum / n);
        if (rms < 200) {
            return new Heard(0, rms, n);
        }
        double best = 0;
        double bestPower = -1;
        for (int hz = 50; hz <= 2000; hz += 10) {
            double power = goertzel(samples, from, to, hz);
            if (power > bestPower) {
                bestPower = power;
                best = hz;
            }
        }
        return new Heard(best, rms, n);
    }

    /** Dominant frequency for each whole second of the recording, for people reading a test's output. */
    public static String perSecond(short[] samples) {
        StringBuilder out = new StringBuilder();
        for (int s = 0; s + RATE <= samples.length; s += RATE) {
            Heard heard = analyse(samples, s, s + RATE);
            out.append(out.length() == 0 ? "" : " ").append((int) heard.hz());
        }
        return out.toString();
    }

    private static double goertzel(short[] samples, int from, int to, double hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / RATE);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < to; i++) {
            double s0 = samples[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    }

    /** @param hz the dominant frequency, 0 for silence; @param samples how many samples it was taken over */
    public record Heard(double hz, double rms, int samples) {

        public boolean isTone(double expected) {
            return Math.abs(hz - expected) <= 20;
        }
    }
}
