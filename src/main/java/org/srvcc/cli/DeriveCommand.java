package org.srvcc.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.srvcc.files.Json;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.Kamf;
import org.srvcc.kdf.Ksi;
import org.srvcc.kdf.NasCount;
import org.srvcc.procedure.KeyPlan;
import org.srvcc.procedure.Options;
import org.srvcc.procedure.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "derive",
        mixinStandardHelpOptions = true,
        description =
                "Prints every key and identifier one SRVCC handover derives in a profile, with the KDF input string "
                        + "S of each step.")
final class DeriveCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--profile",
            defaultValue = "ts33501",
            paramLabel = "P",
            description = "ts33501 (default), draft-via-mme or draft-direct")
    String profile;

    @Option(
            names = "--kamf",
            paramLabel = "HEX",
            description = "KAMF, 32 octets in hex (visible to other local users: prefer --kamf-file or --kamf-env)")
    String kamf;

    @Option(
            names = "--kamf-file",
            paramLabel = "PATH|-",
            description = "read KAMF in hex from a file, or from standard input with -")
    String kamfFile;

    @Option(names = "--kamf-env", paramLabel = "NAME", description = "read KAMF in hex from this environment variable")
    String kamfEnv;

    @Option(
            names = "--show-keys",
            description = "print the derived keys (K'ASME/KASME_SRVCC, CK_SRVCC, IK_SRVCC); without it they are hidden")
    boolean showKeys;

    @Option(
            names = "--dl-count",
            required = true,
            paramLabel = "N",
            description = "the AMF's current downlink NAS COUNT, 0..16777215 (or 0x...)")
    String dlCount;

    @Option(names = "--ngksi", required = true, paramLabel = "K", description = "ngKSI of the current 5G context, 0..6")
    int ngKsi;

    @Option(
            names = "--option",
            paramLabel = "NAME=VALUE",
            description = "a design option, e.g. amfFc=reuse-0x74 (repeatable)")
    List<String> options = new ArrayList<>();

    @Option(names = "--json", description = "print the chain as a JSON array")
    boolean json;

    @Override
    public Integer call() {
        Profile p = Profile.parse(profile);
        Options o = Options.STANDARD.with(options);
        NasCount dl = Args.count("--dl-count", dlCount);
        Ksi ksi = Args.ksi("--ngksi", ngKsi);
        byte[] raw = Args.key256("--kamf", Args.secret("kamf", kamfFile, kamfEnv, kamf, System.in));
        Kamf k;
        try {
            k = Kamf.of(raw, 1, InsecureKeyAccess.get());
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
        List<KeyPlan.ChainStep> steps;
        try {
            steps = KeyPlan.chain(p, o, k, dl, ksi);
        } finally {
            k.destroy();
        }
        Args.warnIfInline("kamf", kamf, spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("profile", p.toString());
            m.put("options", o.asMap());
            m.put(
                    "steps",
                    steps.stream()
                            .map(x -> {
                                Map<String, Object> e = new LinkedHashMap<>();
                                e.put("name", x.name());
                                e.put("from", x.from());
                                e.put("s", x.s());
                                e.put("value", shown(x));
                                return e;
                            })
                            .toList());
            out.println(Json.write(m));
            return 0;
        }
        out.println("profile " + p + (o.diffText().isEmpty() ? "" : " with " + o.diffText()) + ", DL NAS COUNT "
                + dl.value() + ", ngKSI " + ksi.value());
        int i = 1;
        for (KeyPlan.ChainStep s : steps) {
            out.printf("%2d. %-24s %s%n", i++, s.name(), shown(s));
            out.printf("    %-24s %s%n", "", s.from());
            if (!s.s().isEmpty()) out.printf("    %-24s S = %s%n", "", s.s());
        }
        return 0;
    }

    private String shown(KeyPlan.ChainStep s) {
        return s.isKey() && !showKeys ? "(hidden; --show-keys prints it)" : s.value();
    }
}
