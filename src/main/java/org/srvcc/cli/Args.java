package org.srvcc.cli;

import org.srvcc.kdf.Hex;
import org.srvcc.kdf.Ksi;
import org.srvcc.kdf.NasCount;

/** Parsing of user-supplied values with messages that name the option. */
final class Args {
    private Args() {}

    static byte[] hex(String option, String text) {
        String t = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        try {
            return Hex.decode(t);
        } catch (IllegalArgumentException e) {
            throw new Main.UserError(option + ": " + e.getMessage());
        }
    }

    static byte[] key256(String option, String text) {
        byte[] k = hex(option, text);
        if (k.length != 32) {
            java.util.Arrays.fill(k, (byte) 0);
            throw new Main.UserError(option + ": KAMF must be 32 octets (64 hex digits), got " + k.length + " octets");
        }
        return k;
    }

    static NasCount count(String option, String text) {
        long v;
        try {
            v = text.startsWith("0x") || text.startsWith("0X") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Main.UserError(option + ": '" + text + "' is not a number");
        }
        if (v < 0 || v > NasCount.MAX) throw new Main.UserError(option + ": NAS COUNT " + text + " outside 0..16777215 (0xFFFFFF)");
        return NasCount.of(v);
    }

    static Ksi ksi(String option, int value) {
        try {
            return new Ksi(value);
        } catch (IllegalArgumentException e) {
            throw new Main.UserError(option + ": " + e.getMessage());
        }
    }
}
