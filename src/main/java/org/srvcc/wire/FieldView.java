package org.srvcc.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * This decoder's view of a capture as one tab-separated line per GTP-C packet, in the columns and
 * formats of {@code tshark -T fields} with {@link #TSHARK_FIELDS} (aggregator ","), so that the two
 * decoders can be compared line by line (tools/wire-check.sh; WireGoldenTest).
 */
public final class FieldView {
    private FieldView() {}

    public static final List<String> TSHARK_FIELDS = List.of(
            "frame.number",
            "gtpv2.message_type",
            "gtpv2.teid",
            "gtpv2.seq",
            "gtpv2.ie_type",
            "gtpv2.ie_len",
            "gtpv2.mm_context_ksi_a",
            "gtpv2.mm_context_nas_dl_cnt",
            "gtpv2.mm_context_kasme",
            "gtpv2.eksi",
            "gtpv2.cksrvcc",
            "gtpv2.iksrvcc",
            "gtpv2.cause",
            "gtpv2.5srhoi",
            "gtpv2.uimsi",
            "gtpv2.emci",
            "gtpv2.sv_emind",
            "e212.imsi");

    /**
     * A capture as this decoder sees it: a line per message of the procedure, an error per message of the
     * procedure that does not decode (with its packet number), and what was skipped, by reason.
     */
    public record View(List<String> lines, List<String> errors, int frames, int gtpC, Map<String, Integer> skipped) {
        public String summary() {
            StringBuilder b = new StringBuilder(
                    frames + " packets, " + gtpC + " GTP-C, " + lines.size() + " messages of the procedure");
            if (!errors.isEmpty()) b.append(", ").append(errors.size()).append(" that do not decode");
            if (!skipped.isEmpty()) {
                b.append("; skipped:");
                skipped.forEach((why, n) ->
                        b.append(' ').append(n).append(' ').append(why).append(','));
                b.setLength(b.length() - 1);
            }
            return b.toString();
        }
    }

    /** The lines of a capture on the standard GTP-C port; anything it cannot read is a DecodeException. */
    public static List<String> lines(byte[] pcapFile) {
        View v = view(pcapFile, Pcap.GTP_C_PORT);
        if (!v.errors().isEmpty()) throw new DecodeException(-1, 0, v.errors().get(0));
        return v.lines();
    }

    /**
     * The view of a capture with GTP-C on {@code port}: UDP packets on other ports, GTP versions other than 2
     * and GTPv2 messages outside the procedure (Echo, Create Session, ...) are skipped and counted.
     */
    public static View view(byte[] pcapFile, int port) {
        Pcap.Capture cap = Pcap.read(pcapFile);
        Map<String, Integer> skipped = new TreeMap<>(cap.skippedBy());
        List<String> out = new ArrayList<>(), errors = new ArrayList<>();
        int gtp = 0;
        for (Pcap.Packet p : cap.packets()) {
            if (!p.isGtpC(port)) {
                skipped.merge("UDP not on port " + port, 1, Integer::sum);
                continue;
            }
            gtp++;
            byte[] b = p.payload();
            String outside = Gtpv2Message.outsideProcedure(b);
            if (outside != null) {
                skipped.merge(outside, 1, Integer::sum);
                continue;
            }
            Gtpv2Message g;
            try {
                g = Gtpv2Message.decode(b);
            } catch (DecodeException e) {
                errors.add("packet " + p.number() + ": " + e.getMessage());
                continue;
            }
            List<String> c = new ArrayList<>();
            c.add(String.valueOf(p.number()));
            c.add(String.valueOf(g.type()));
            c.add(String.format("0x%08x", g.teid()));
            c.add(String.format("0x%06x", g.sequence()));
            List<int[]> all = new ArrayList<>();
            for (Ie i : g.ies()) flatten(i.type(), i.value(), all);
            c.add(all.stream().map(x -> String.valueOf(x[0])).collect(Collectors.joining(",")));
            c.add(all.stream().map(x -> String.valueOf(x[1])).collect(Collectors.joining(",")));
            var mm = g.ie(Gtpv2.MM_CONTEXT_EPS).map(MmContexts::mmContextEps);
            c.add(mm.map(m -> String.valueOf(m.ksiAsme())).orElse(""));
            c.add(mm.map(m -> String.valueOf(m.dlCount())).orElse(""));
            c.add(mm.map(m -> hex(m.kasme())).orElse(""));
            var sv = g.ie(Gtpv2.MM_CONTEXT_FOR_EUTRAN_SRVCC).map(MmContexts::mmContextEutranSrvcc);
            c.add(sv.map(m -> String.valueOf(m.eksi())).orElse(""));
            c.add(sv.map(m -> hex(m.ck())).orElse(""));
            c.add(sv.map(m -> hex(m.ik())).orElse(""));
            c.add(g.ie(Gtpv2.CAUSE).map(i -> String.valueOf(Ies.cause(i))).orElse(""));
            var ind = g.ie(Gtpv2.INDICATION);
            c.add(flag(ind, 8, Ies.indication(ind).fiveGSrvccHo()));
            c.add(flag(ind, 2, Ies.indication(ind).uimsi()));
            c.add(flag(ind, 9, Ies.indication(ind).emergency()));
            c.add(g.ie(Gtpv2.SV_FLAGS)
                    .map(i -> (Ies.svFlags(i) & Ies.SV_EMIND) != 0 ? "1" : "0")
                    .orElse(""));
            c.add(g.ie(Gtpv2.IMSI).map(Ies::digits).orElse(""));
            out.add(String.join("\t", c));
            g.wipe();
        }
        return new View(out, errors, cap.frames(), gtp, skipped);
    }

    /**
     * Grouped IEs (TS 29.274 §8.2.1: Bearer Context, PDN Connection, overload and load control, SCEF PDN Connection,
     * Remote UE Context).
     */
    private static final Set<Integer> GROUPED = Set.of(93, 109, 180, 181, 191, 195);

    /** An IE's type and length, followed by those of the IEs nested in it, depth first: tshark's order. */
    private static void flatten(int type, byte[] value, List<int[]> out) {
        out.add(new int[] {type, value.length});
        if (!GROUPED.contains(type)) return;
        for (int at = 0; at + 4 <= value.length; ) {
            int t = value[at] & 0xFF, len = (value[at + 1] & 0xFF) << 8 | value[at + 2] & 0xFF;
            if (at + 4 + len > value.length) return; // a malformed group: tshark stops there too
            flatten(t, Arrays.copyOfRange(value, at + 4, at + 4 + len), out);
            at += 4 + len;
        }
    }

    /** tshark prints a flag only when the Indication IE is long enough to hold its octet. */
    private static String flag(Optional<Ie> ind, int minLength, boolean value) {
        return ind.isPresent() && ind.get().value().length >= minLength ? (value ? "1" : "0") : "";
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
