package com.dialtone.server.calls;

/**
 * A party as the GWS 8.5.2 call resource lists it. Dialtone has no numbering plan to format numbers
 * with, so every form but {@code e164Number} is the number as dialled; {@code e164Number} is filled only
 * for numbers that are already in E.164 form.
 */
public record Participant(String e164Number, String formattedPhoneNumber, String phoneNumber, String digits) {

    public static Participant of(String number) {
        String e164 = number.startsWith("+") ? number : "";
        return new Participant(e164, number, number, number.replaceAll("[^0-9]", ""));
    }
}
