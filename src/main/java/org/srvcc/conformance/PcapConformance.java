package org.srvcc.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.srvcc.kdf.Fc;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.Kamf;
import org.srvcc.kdf.Kdf;
import org.srvcc.kdf.NasCount;
import org.srvcc.procedure.Profile;
import org.srvcc.wire.DecodeException;
import org.srvcc.wire.Gtpv2;
import org.srvcc.wire.Gtpv2Message;
import org.srvcc.wire.Ies;
import org.srvcc.wire.MmContexts;
import org.srvcc.wire.Pcap;

/**
 * Checks a capture from any implementation against TS 33.501 Annex J as far as the wire shows it. The
 * rules apply where the procedure does: a Forward Relocation Request with the 5G-SRVCC HO Indication
 * (5SRHOI) and what answers it, and the Sv messages; plain S10/N26 handovers and other GTP traffic are
 * skipped and counted. Without the KAMF the wire alone decides the A.12 chain (CK||IK from KASME_SRVCC),
 * the KSI mapping, freshness across attempts (the MM Context's DL COUNT and KASME_SRVCC) and the order;
 * with the KAMF, KASME_SRVCC itself and the absence of KAMF from every packet are checked too, keys
 * computed from the KAMF octets with the TS 33.220 KDF. Messages are tied to a UE by IMSI, by the TEIDs its requests
 * announced, and by sequence number; with no such tie (an unauthenticated UE sends no IMSI on Sv)
 * the most recent Forward Relocation Request stands in.
 */
public final class PcapConformance {
    private PcapConformance() {}

    public enum Rule {
        DECODES(
                "decodes",
                "every GTP-C packet is a well-formed message of the procedure (TS 29.274 §5, §8; TS 29.280 §6)"),
        NO_KAMF("no-kamf", "no packet carries the octets of KAMF (TS 33.501 J.1: KAMF stays in the AMF)"),
        KASME_SRVCC("kasme-srvcc", "KASME_SRVCC = KDF(KAMF, FC 0x7D, DL NAS COUNT) (TS 33.501 J.1.2 step 3, A.21)"),
        COUNT_FRESH(
                "count-fresh",
                "each attempt uses a DL NAS COUNT above every COUNT an earlier attempt used (TS 33.501 J.1.2)"),
        CK_IK(
                "ck-ik",
                "CK_SRVCC||IK_SRVCC = KDF(KASME_SRVCC, FC 0x1A, COUNT 0), CK the 128 MSBs (TS 33.501 J.1.2 step 4, "
                        + "TS 33.401 A.12)"),
        KSI(
                "ksi",
                "KSI_SRVCC on Sv = eKSI of the Forward Relocation Request; 7 (no key available) only with no key "
                        + "(TS 33.501 J.1.2 step 4, J.2)"),
        ORDER("order", "messages in TS 23.216 §6.5.4 order; each answer matches an earlier request's sequence number");
        public final String id, statement;

        Rule(String id, String statement) {
            this.id = id;
            this.statement = statement;
        }
    }

    public record Break(Rule rule, int packet, String what) {}

    public record Report(
            int packets,
            int gtp,
            int skipped,
            Map<Rule, List<Break>> breaks,
            Map<Rule, Integer> checked,
            int inScope,
            Map<String, Integer> skippedBy,
            Map<Rule, String> notApplicable,
            boolean searchCapped) {
        public boolean holds() {
            return breaks.values().stream().allMatch(List::isEmpty);
        }

        /** Why a rule decided nothing in this capture, or null when it checked something. */
        public String notApplicable(Rule r) {
            if (checked.get(r) > 0) return null;
            return notApplicable.getOrDefault(
                    r, inScope == 0 ? "no 5G-SRVCC procedure in the capture" : "nothing in the capture for this rule");
        }
    }

    /** Derivations one capture may spend searching COUNTs: a few seconds, whatever the capture holds. */
    public static final long SEARCH_BUDGET = 1 << 20;

    /** {@code kamf} may be null: the rules that need it are then not applicable. */
    public static Report check(byte[] file, byte[] kamf, Profile profile, int countSearch) {
        return check(file, kamf, profile, countSearch, Pcap.GTP_C_PORT);
    }

    public static Report check(byte[] file, byte[] kamf, Profile profile, int countSearch, int port) {
        return check(file, kamf == null ? List.of() : List.of(kamf), profile, countSearch, port);
    }

    /**
     * With the KAMFs of the capture's authentications, in any order: an attempt is checked under whichever gives
     * its key, and a new KAMF starts the UE's COUNTs afresh (a new NAS security context); none: the wire alone.
     */
    public static Report check(byte[] file, List<byte[]> kamfs, Profile profile, int countSearch, int port) {
        Pcap.Capture cap = Pcap.read(file);
        Map<String, Integer> skippedBy = new TreeMap<>(cap.skippedBy());
        Set<String> outSeqs = new HashSet<>();
        Set<Long> outTeids = new HashSet<>();
        int inScope = 0;
        Scan scan = new Scan(kamfs, profile, new PcapTies.CountSearch(countSearch, SEARCH_BUDGET));
        Map<Rule, List<Break>> breaks = scan.breaks;
        Map<Rule, Integer> checked = scan.checked;
        int gtp = 0;
        List<Kamf> handles = new ArrayList<>(); // their wire scan is the simulation's
        for (byte[] k : kamfs) handles.add(Kamf.of(k, 0, InsecureKeyAccess.get()));
        try {
            for (Pcap.Packet p : cap.packets()) {
                int n = p.number();
                scan.kamfOctets(handles, p.payload(), n);
                if (!p.isGtpC(port)) {
                    skippedBy.merge("UDP not on port " + port, 1, Integer::sum);
                    continue;
                }
                gtp++;
                byte[] b = p.payload();
                if (Gtpv2Message.outsideProcedure(b) != null) {
                    skippedBy.merge("GTP messages outside the procedure", 1, Integer::sum);
                    continue;
                }
                Gtpv2Message g;
                try {
                    g = Gtpv2Message.decode(b);
                } catch (DecodeException e) {
                    count(checked, Rule.DECODES);
                    breaks.get(Rule.DECODES).add(new Break(Rule.DECODES, n, e.getMessage()));
                    continue;
                }
                if (PcapTies.outOfScope(g, outSeqs, outTeids)) {
                    skippedBy.merge("S10/N26 messages without 5SRHOI (not 5G-SRVCC)", 1, Integer::sum);
                    continue;
                }
                inScope++;
                count(checked, Rule.DECODES);
                try {
                    scan.message(g, n);
                } catch (DecodeException e) {
                    breaks.get(Rule.DECODES).add(new Break(Rule.DECODES, n, e.getMessage()));
                }
            }
        } finally {
            handles.forEach(Kamf::destroy);
        }
        return new Report(
                cap.frames(),
                gtp,
                cap.frames() - inScope,
                breaks,
                checked,
                inScope,
                skippedBy,
                notApplicable(kamfs, profile),
                scan.search.capped);
    }

    /** The rules a capture cannot decide without the KAMF. */
    private static Map<Rule, String> notApplicable(List<byte[]> kamfs, Profile profile) {
        Map<Rule, String> na = new EnumMap<>(Rule.class);
        if (kamfs.isEmpty()) {
            na.put(Rule.NO_KAMF, "needs the KAMF (--kamf-file or --kamf-env)");
            na.put(Rule.KASME_SRVCC, "needs the KAMF (--kamf-file or --kamf-env)");
            if (!profile.viaMme()) na.put(Rule.CK_IK, "needs the KAMF in " + profile + " (CK||IK comes from KAMF)");
        }
        return na;
    }

    /** What one capture's scan keeps between messages: the rules' findings, each UE's state, and what ties them. */
    private static final class Scan {
        final List<byte[]> kamfs;
        final Profile profile;
        final PcapTies.CountSearch search;
        final Map<Rule, List<Break>> breaks = new EnumMap<>(Rule.class);
        final Map<Rule, Integer> checked = new EnumMap<>(Rule.class);
        final Map<String, PcapTies.UeState> ues = new HashMap<>();
        final Map<Long, String> teidOwner = new HashMap<>();
        final Map<String, String> openRequests = new HashMap<>(); // type/seq -> UE
        String lastUe;

        Scan(List<byte[]> kamfs, Profile profile, PcapTies.CountSearch search) {
            this.kamfs = kamfs;
            this.profile = profile;
            this.search = search;
            for (Rule r : Rule.values()) {
                breaks.put(r, new ArrayList<>());
                checked.put(r, 0);
            }
        }

        /** No UDP payload, packet {@code n}, carries a KAMF's octets. */
        void kamfOctets(List<Kamf> handles, byte[] payload, int n) {
            for (Kamf h : handles) {
                count(checked, Rule.NO_KAMF);
                if (h.occursIn(payload))
                    breaks.get(Rule.NO_KAMF)
                            .add(new Break(Rule.NO_KAMF, n, "the UDP payload contains the KAMF octets"));
            }
        }

        /** One GTPv2-C message of the procedure, packet {@code n}: tie it to its UE and check it. */
        void message(Gtpv2Message g, int n) {
            String ue = PcapTies.ueOf(g, teidOwner, openRequests, lastUe);
            PcapTies.UeState s = ues.computeIfAbsent(ue, k -> new PcapTies.UeState());
            switch (g.type()) {
                case Gtpv2.FORWARD_RELOCATION_REQUEST -> {
                    lastUe = ue;
                    g.ie(Gtpv2.F_TEID).map(Ies::fteid).ifPresent(f -> teidOwner.put(f.teid(), ue));
                    frRequest(g, s, n);
                    openRequests.put(Gtpv2.FORWARD_RELOCATION_REQUEST + "/" + g.sequence(), ue);
                }
                case Gtpv2.SRVCC_PS_TO_CS_REQUEST -> {
                    if (!profile.viaMme() || lastUe == null) lastUe = ue;
                    g.ie(Gtpv2.TEID_C).map(Ies::teidC).ifPresent(t -> teidOwner.put(t, ue));
                    svRequest(g, s, n);
                    openRequests.put(Gtpv2.SRVCC_PS_TO_CS_REQUEST + "/" + g.sequence(), ue);
                }
                default -> PcapOrder.answerOrNotification(g, s, n, profile, openRequests, ue, breaks, checked);
            }
        }

        void frRequest(Gtpv2Message g, PcapTies.UeState s, int n) {
            MmContexts.MmContextEps c = MmContexts.mmContextEps(g.required(Gtpv2.MM_CONTEXT_EPS));
            byte[] retransmitted = s.kasmeBySeq.get(g.sequence());
            s.eksi = c.ksiAsme();
            if (c.ksiAsme() == 7) { // eKSI 7: a UE with no 5G security context (no SIM); no key may travel under it
                count(checked, Rule.KSI);
                if (!MmContexts.noKeyOctets(c.kasme()))
                    breaks.get(Rule.KSI).add(new Break(Rule.KSI, n, "eKSI 7 (no key available) sent with a KASME"));
                s.kasme = c.kasme();
                s.kasmeBySeq.put(g.sequence(), c.kasme());
                s.svAccepted = s.svCompleted = s.frAccepted = false;
                return;
            }
            if (retransmitted != null
                    && Arrays.equals(retransmitted, c.kasme())) { // GTP retransmission, not a new attempt
                s.kasme = c.kasme();
                return;
            }
            if (kamfs.isEmpty()) { // the wire alone: the COUNT the MM Context says was used, and a KASME_SRVCC no
                // earlier
                // attempt had
                count(checked, Rule.COUNT_FRESH);
                PcapTies.fresh(s, c.dlCount(), n, breaks);
                for (byte[] earlier : s.kasmeBySeq.values())
                    if (Arrays.equals(earlier, c.kasme()))
                        breaks.get(Rule.COUNT_FRESH)
                                .add(new Break(Rule.COUNT_FRESH, n, "KASME_SRVCC repeats an earlier attempt's"));
                s.kasmeCount = c.dlCount();
                s.kasme = c.kasme();
                s.kasmeBySeq.put(g.sequence(), c.kasme());
                s.svAccepted = s.svCompleted = s.frAccepted = false;
                return;
            }
            count(checked, Rule.KASME_SRVCC);
            int[] under = new int[1];
            int found = PcapTies.findCount(kamfs, Fc.KASME_SRVCC, c.kasme(), c.dlCount(), search, under);
            if (found < 0) {
                String why = "KASME is not KDF(KAMF, 0x7D, COUNT) for the MM Context's DL COUNT " + c.dlCount()
                        + " or any COUNT in " + search.range() + " under " + PcapTies.kamfsGiven(kamfs)
                        + " (a re-authenticated UE has another KAMF: give each with --kamf-file)";
                int other = PcapTies.findCount(kamfs, Fc.K_PRIME_ASME_HANDOVER, c.kasme(), c.dlCount(), search, under);
                if (other >= 0)
                    why += "; it is KDF(KAMF, 0x74, " + other
                            + "), the 5G->EPS handover K'ASME (FC 0x74 instead of 0x7D)";
                breaks.get(Rule.KASME_SRVCC).add(new Break(Rule.KASME_SRVCC, n, why));
            } else {
                count(checked, Rule.COUNT_FRESH);
                s.underKamf(under[0]);
                PcapTies.fresh(s, found, n, breaks);
                s.kasmeCount = found;
            }
            s.kasme = c.kasme();
            s.kasmeBySeq.put(g.sequence(), c.kasme());
            s.svAccepted = s.svCompleted = s.frAccepted = false;
        }

        void svRequest(Gtpv2Message g, PcapTies.UeState s, int n) {
            MmContexts.MmContextEutranSrvcc c =
                    MmContexts.mmContextEutranSrvcc(g.required(Gtpv2.MM_CONTEXT_FOR_EUTRAN_SRVCC));
            byte[] got = PcapTies.concat(c.ck(), c.ik()), swapped = PcapTies.concat(c.ik(), c.ck());
            try {
                count(checked, Rule.KSI);
                if (c.eksi() == 7) { // no 5G security context: CK and IK must be absent (zero octets), nothing derived
                    if (!MmContexts.noKeyOctets(got))
                        breaks.get(Rule.KSI)
                                .add(new Break(Rule.KSI, n, "KSI 7 (no key available) sent with CK and IK"));
                    if (profile.viaMme() && s.eksi != 7 && s.kasme != null)
                        breaks.get(Rule.KSI)
                                .add(new Break(
                                        Rule.KSI,
                                        n,
                                        "KSI_SRVCC 7 but the Forward Relocation Request's eKSI is " + s.eksi));
                    return;
                }
                count(checked, Rule.CK_IK);
                if (profile.viaMme()) svKeysFromKasme(c.eksi(), got, swapped, s, n);
                else if (!kamfs.isEmpty()) svKeysFromKamf(g, got, swapped, s, n);
            } finally {
                Arrays.fill(got, (byte) 0);
                Arrays.fill(swapped, (byte) 0);
                c.wipe();
            }
        }

        /** Via the MME_SRVCC: CK_SRVCC||IK_SRVCC = KDF(KASME_SRVCC, 0x1A, 0), under the eKSI sent on N26. */
        void svKeysFromKasme(int ksi, byte[] got, byte[] swapped, PcapTies.UeState s, int n) {
            count(checked, Rule.ORDER);
            if (s.kasme == null) {
                breaks.get(Rule.ORDER)
                        .add(new Break(
                                Rule.ORDER,
                                n,
                                "SRVCC PS to CS Request with no earlier Forward Relocation Request for this UE"));
                return;
            }
            if (ksi != s.eksi)
                breaks.get(Rule.KSI)
                        .add(new Break(
                                Rule.KSI,
                                n,
                                "KSI_SRVCC " + ksi + " but the Forward Relocation Request's eKSI is " + s.eksi));
            byte[] want = Kdf.derive(s.kasme, Fc.CK_IK_SRVCC, NasCount.ZERO.encode());
            try {
                if (Arrays.equals(want, got)) return;
                String why = "CK'CS||IK'CS is not KDF(KASME_SRVCC, 0x1A, 0)";
                if (Arrays.equals(want, swapped)) why += ": CK and IK are swapped (IK in the CK field)";
                else if (s.kasmeCount > 0 && fedCount(s, got))
                    why += ": A.12 was fed the DL COUNT " + s.kasmeCount + " instead of 0";
                breaks.get(Rule.CK_IK).add(new Break(Rule.CK_IK, n, why));
            } finally {
                Arrays.fill(want, (byte) 0);
            }
        }

        /** Whether the keys are KDF(KASME_SRVCC, 0x1A, the Forward Relocation's DL COUNT) instead of COUNT 0. */
        static boolean fedCount(PcapTies.UeState s, byte[] got) {
            byte[] fed = Kdf.derive(s.kasme, Fc.CK_IK_SRVCC, new NasCount(s.kasmeCount).encode());
            try {
                return Arrays.equals(fed, got);
            } finally {
                Arrays.fill(fed, (byte) 0);
            }
        }

        /** Direct from the AMF (the draft): CK||IK = KDF(KAMF, FC, COUNT) for some COUNT this UE has not used. */
        void svKeysFromKamf(Gtpv2Message g, byte[] got, byte[] swapped, PcapTies.UeState s, int n) {
            int[] under = new int[1];
            int found = PcapTies.findCount(kamfs, Fc.DRAFT_DIRECT_CK_IK, got, -1, search, under);
            if (found < 0) {
                String why = "CK||IK is not KDF(KAMF, " + Fc.DRAFT_DIRECT_CK_IK + ", COUNT) for any COUNT in "
                        + search.range() + " under " + PcapTies.kamfsGiven(kamfs)
                        + " (a re-authenticated UE has another KAMF: give each with --kamf-file)";
                if (PcapTies.findCount(kamfs, Fc.DRAFT_DIRECT_CK_IK, swapped, -1, search, under) >= 0)
                    why += ": CK and IK are swapped";
                breaks.get(Rule.CK_IK).add(new Break(Rule.CK_IK, n, why));
                return;
            }
            count(checked, Rule.COUNT_FRESH);
            s.underKamf(under[0]);
            if (s.counts.contains(found) && s.kasmeBySeq.get(g.sequence()) == null)
                breaks.get(Rule.COUNT_FRESH)
                        .add(new Break(
                                Rule.COUNT_FRESH,
                                n,
                                "DL NAS COUNT " + found + " was already used by an earlier attempt of this UE"));
            s.counts.add(found);
            s.kasmeBySeq.put(g.sequence(), new byte[got.length]); // that this sequence carried keys, not the keys
        }
    }

    static void count(Map<Rule, Integer> checked, Rule r) {
        checked.merge(r, 1, Integer::sum);
    }
}
