package org.srvcc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.srvcc.kdf.Hex;
import org.srvcc.kdf.Ksi;
import org.srvcc.kdf.NasCount;
import picocli.CommandLine;

/** Parsing of user-supplied values with messages that name the option and never repeat a secret. */
final class Args {
    private Args() {}

    private static final Pattern DEC = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern HEXNUM = Pattern.compile("0[xX][0-9a-fA-F]{1,16}");

    /** Integers in ASCII digits only (Java's parsers also take Arabic-Indic and other digits). */
    static int asciiInt(String option, String s) {
        long v = asciiLong(option, s);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)
            throw new CommandLine.TypeConversionException("'" + clip(s) + "' is out of range");
        return (int) v;
    }

    static long asciiLong(String option, String s) {
        if (s == null || !DEC.matcher(s).matches())
            throw new CommandLine.TypeConversionException("'" + clip(s) + "' is not a whole number in ASCII digits");
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + clip(s) + "' is out of range");
        }
    }

    private static String clip(String s) {
        if (s == null) return "";
        String p = Main.printable(s);
        return p.length() > 24 ? p.substring(0, 24) + "..." : p;
    }

    static byte[] hex(String option, String text) {
        String t = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        try {
            return Hex.decode(t);
        } catch (IllegalArgumentException e) {
            throw new Main.UserError(option + ": " + e.getMessage());
        }
    }

    static byte[] key256(String option, byte[] k) {
        if (k.length != 32) {
            int n = k.length;
            Arrays.fill(k, (byte) 0);
            throw new Main.UserError(option + ": KAMF must be 32 octets (64 hex digits), got " + n + " octets");
        }
        return k;
    }

    static NasCount count(String option, String text) {
        long v;
        if (DEC.matcher(text).matches()) v = Long.parseLong(text);
        else if (HEXNUM.matcher(text).matches()) v = Long.parseLong(text.substring(2), 16);
        else
            throw new Main.UserError(
                    option + ": '" + clip(text) + "' is not a number (ASCII digits, or 0x and hex digits)");
        if (v < 0 || v > NasCount.MAX)
            throw new Main.UserError(option + ": NAS COUNT " + text + " outside 0..16777215 (0xFFFFFF)");
        return NasCount.of(v);
    }

    static Ksi ksi(String option, int value) {
        try {
            return new Ksi(value);
        } catch (IllegalArgumentException e) {
            throw new Main.UserError(option + ": " + e.getMessage());
        }
    }

    /**
     * A secret given in hex by exactly one of: a file (or "-" for standard input), an environment
     * variable, or the command line (which other local users can read in /proc, hence the warning).
     * Nothing of the secret appears in any message.
     */
    static byte[] secret(String name, String file, String env, String inline, InputStream stdin) {
        int given = (file != null ? 1 : 0) + (env != null ? 1 : 0) + (inline != null ? 1 : 0);
        if (given != 1)
            throw new Main.UserError("give the " + name + " by exactly one of --" + name + "-file PATH|-, --" + name
                    + "-env NAME, --" + name + " HEX");
        String text;
        String from;
        if (file != null) {
            from = "--" + name + "-file";
            text = readSecretFile(from, file, stdin);
        } else if (env != null) {
            from = "--" + name + "-env";
            if (!env.matches("[A-Za-z_][A-Za-z0-9_]{0,127}"))
                throw new Main.UserError(from + ": '" + clip(env) + "' is not an environment variable name");
            text = System.getenv(env);
            if (text == null) throw new Main.UserError(from + ": environment variable " + env + " is not set");
        } else {
            from = "--" + name;
            text = inline;
        }
        String t = text.strip();
        if (t.startsWith("0x") || t.startsWith("0X")) t = t.substring(2);
        byte[] b;
        try {
            b = Hex.decode(t);
        } catch (IllegalArgumentException e) {
            throw new Main.UserError(from + ": the " + name + " is not hex (" + e.getMessage() + ")");
        }
        if (b.length == 0) throw new Main.UserError(from + ": the " + name + " is empty");
        return b;
    }

    /** Said once the input was accepted, so that bad input still gets exactly one line. */
    static void warnIfInline(String name, String inline, PrintWriter err) {
        if (inline != null)
            err.println("srvcc: warning: --" + name
                    + " puts the key on the command line, where other local users can read it; prefer --" + name
                    + "-file or --" + name + "-env");
    }

    /** A capture file's octets (conform --pcap, wire): a regular file of at most 64 MiB. */
    static byte[] capture(String option, String file) {
        try {
            Path p = Path.of(file);
            if (!Files.isRegularFile(p)) throw new Main.UserError(option + ": no such file: " + clip(file));
            if (Files.size(p) > 64L << 20)
                throw new Main.UserError(option + ": " + clip(file) + " is larger than 64 MiB");
            return Files.readAllBytes(p);
        } catch (InvalidPathException e) {
            throw new Main.UserError(option + ": '" + clip(file) + "' is not a valid path");
        } catch (IOException e) {
            throw new Main.UserError(
                    option + ": cannot read " + clip(file) + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String readSecretFile(String option, String file, InputStream stdin) {
        try {
            byte[] raw;
            if (file.equals("-")) raw = stdin.readNBytes(4097);
            else {
                Path p = Path.of(file);
                if (!Files.isRegularFile(p))
                    throw new Main.UserError(option + ": " + clip(file) + " is not a readable file");
                if (Files.size(p) > 4096)
                    throw new Main.UserError(option + ": " + clip(file)
                            + " is larger than 4096 octets; a key file holds hex digits only");
                raw = Files.readAllBytes(p);
            }
            if (raw.length > 4096)
                throw new Main.UserError(option + ": more than 4096 octets; a key file holds hex digits only");
            String s = new String(raw, StandardCharsets.US_ASCII);
            Arrays.fill(raw, (byte) 0);
            return s;
        } catch (InvalidPathException e) {
            throw new Main.UserError(option + ": '" + clip(file) + "' is not a valid path");
        } catch (IOException e) {
            throw new Main.UserError(
                    option + ": cannot read " + clip(file) + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
