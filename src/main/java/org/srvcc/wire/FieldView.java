package org.srvcc.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * This decoder's view of a capture as one tab-separated line per GTP-C packet, in the columns and
 * formats of {@code tshark -T fields} with {@link #TSHARK_FIELDS} (aggregator ","), so that the two
 * decoders can be compared line by line (tools/wire-check.sh; WireGoldenTest).
 */
public final class FieldView {
    private FieldView() {}

    public static final List<String> TSHARK_FIELDS = List.of("frame.number", "gtpv2.message_type", "gtpv2.teid", "gtpv2.seq",
        "gtpv2.ie_type", "gtpv2.ie_len", "gtpv2.mm_context_ksi_a", "gtpv2.mm_context_nas_dl_cnt", "gtpv2.mm_context_kasme",
        "gtpv2.eksi", "gtpv2.cksrvcc", "gtpv2.iksrvcc", "gtpv2.cause", "gtpv2.5srhoi", "gtpv2.uimsi", "gtpv2.emci",
        "gtpv2.sv_emind", "e212.imsi");

    /** The lines; key IEs are printed in hex (the capture holds them already). */
    public static List<String> lines(byte[] pcapFile) {
        List<String> out = new ArrayList<>();
        for (Pcap.Packet p : Pcap.read(pcapFile).packets()) {
            if (!p.isGtpC()) continue;
            Gtpv2Message g = Gtpv2Message.decode(p.payload());
            List<String> c = new ArrayList<>();
            c.add(String.valueOf(p.number()));
            c.add(String.valueOf(g.type()));
            c.add(String.format("0x%08x", g.teid()));
            c.add(String.format("0x%06x", g.sequence()));
            c.add(g.ies().stream().map(i -> String.valueOf(i.type())).collect(Collectors.joining(",")));
            c.add(g.ies().stream().map(i -> String.valueOf(i.value().length)).collect(Collectors.joining(",")));
            var mm = g.ie(Gtpv2.MM_CONTEXT_EPS).map(Ies::mmContextEps);
            c.add(mm.map(m -> String.valueOf(m.ksiAsme())).orElse(""));
            c.add(mm.map(m -> String.valueOf(m.dlCount())).orElse(""));
            c.add(mm.map(m -> hex(m.kasme())).orElse(""));
            var sv = g.ie(Gtpv2.MM_CONTEXT_FOR_EUTRAN_SRVCC).map(Ies::mmContextEutranSrvcc);
            c.add(sv.map(m -> String.valueOf(m.eksi())).orElse(""));
            c.add(sv.map(m -> hex(m.ck())).orElse(""));
            c.add(sv.map(m -> hex(m.ik())).orElse(""));
            c.add(g.ie(Gtpv2.CAUSE).map(i -> String.valueOf(Ies.cause(i))).orElse(""));
            var ind = g.ie(Gtpv2.INDICATION);
            c.add(flag(ind, 8, Ies.indication(ind).fiveGSrvccHo()));
            c.add(flag(ind, 2, Ies.indication(ind).uimsi()));
            c.add(flag(ind, 9, Ies.indication(ind).emergency()));
            c.add(g.ie(Gtpv2.SV_FLAGS).map(i -> (Ies.svFlags(i) & Ies.SV_EMIND) != 0 ? "1" : "0").orElse(""));
            c.add(g.ie(Gtpv2.IMSI).map(Ies::digits).orElse(""));
            out.add(String.join("\t", c));
            g.wipe();
        }
        return out;
    }

    /** tshark prints a flag only when the Indication IE is long enough to hold its octet. */
    private static String flag(java.util.Optional<Ie> ind, int minLength, boolean value) {
        return ind.isPresent() && ind.get().value().length >= minLength ? (value ? "1" : "0") : "";
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
