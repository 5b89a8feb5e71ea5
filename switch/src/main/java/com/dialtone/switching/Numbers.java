package com.dialtone.switching;

import java.util.regex.Pattern;

/** The shapes of the numbers and digits a switch takes: one definition each, for the switch and its clients. */
public final class Numbers {

    private static final Pattern DN = Pattern.compile("[0-9]{1,32}");
    private static final Pattern DIALLABLE = Pattern.compile("\\+?[0-9*#]{1,32}");
    private static final Pattern DTMF = Pattern.compile("[0-9*#]{1,64}");

    /** What {@link #isDiallable} accepts, for messages. */
    public static final String DIALLABLE_SHAPE = "1 to 32 of 0-9, * and #, with an optional leading +";
    /** What {@link #isDtmf} accepts, for messages. */
    public static final String DTMF_SHAPE = "1 to 64 of 0-9, * and #";

    private Numbers() {
    }

    /** A DN: 1 to 32 digits. */
    public static boolean isDn(String number) {
        return number != null && DN.matcher(number).matches();
    }

    /** A number that can be dialled: a DN, a routing point or an external number. */
    public static boolean isDiallable(String number) {
        return number != null && DIALLABLE.matcher(number).matches();
    }

    /** DTMF digits that can be sent in one go. */
    public static boolean isDtmf(String digits) {
        return digits != null && DTMF.matcher(digits).matches();
    }
}
