package org.srvcc.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.srvcc.files.Json;
import org.srvcc.kdf.Fc;
import org.srvcc.kdf.Hex;
import org.srvcc.kdf.Kdf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "kdf",
        mixinStandardHelpOptions = true,
        description = "Runs the TS 33.220 Annex B.2 KDF: HMAC-SHA-256(key, FC || P0 || L0 || ...), prints the 256-bit "
                + "output in hex.")
final class KdfCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--key",
            paramLabel = "HEX",
            description = "the key in hex (visible to other local users: prefer --key-file or --key-env)")
    String key;

    @Option(
            names = "--key-file",
            paramLabel = "PATH|-",
            description = "read the key in hex from a file, or from standard input with -")
    String keyFile;

    @Option(
            names = "--key-env",
            paramLabel = "NAME",
            description = "read the key in hex from this environment variable")
    String keyEnv;

    @Option(
            names = "--fc",
            required = true,
            paramLabel = "HEX",
            description = "function code: one octet 00..FE, or FFxx")
    String fc;

    @Option(
            names = "--param",
            paramLabel = "HEX",
            description = "a parameter Pi in hex (repeatable, in order; may be empty)")
    List<String> params = new ArrayList<>();

    @Option(names = "--json", description = "print a JSON object with S and the output")
    boolean json;

    @Override
    public Integer call() {
        Fc f;
        try {
            f = Fc.parse(fc);
        } catch (IllegalArgumentException e) {
            throw new Main.UserError("--fc: " + e.getMessage());
        }
        byte[][] ps = new byte[params.size()][];
        for (int i = 0; i < ps.length; i++) {
            ps[i] = Args.hex("--param #" + (i + 1), params.get(i));
            if (ps[i].length > Kdf.MAX_PARAM_LENGTH)
                throw new Main.UserError("--param #" + (i + 1) + ": " + ps[i].length + " octets; the limit is 65535");
        }
        byte[] k = Args.secret("key", keyFile, keyEnv, key, System.in);
        byte[] s = Kdf.inputString(f, ps);
        byte[] out = null;
        try {
            out = Kdf.derive(k, f, ps);
            Args.warnIfInline("key", key, spec.commandLine().getErr());
            print(f, s, out);
        } finally {
            Arrays.fill(k, (byte) 0);
            if (out != null) Arrays.fill(out, (byte) 0);
        }
        return 0;
    }

    /** The output is what the user asked for (a KDF value), so it is printed; the key never is. */
    private void print(Fc f, byte[] s, byte[] out) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fc", f.toString());
            m.put("s", Hex.encode(s));
            m.put("output", Hex.encode(out));
            spec.commandLine().getOut().println(Json.write(m));
        } else {
            spec.commandLine().getOut().println(Hex.encode(out));
        }
    }
}
