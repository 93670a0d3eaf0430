package org.srvcc.conformance;

import java.util.List;
import java.util.Map;
import org.srvcc.procedure.Profile;
import org.srvcc.wire.Gtpv2;
import org.srvcc.wire.Gtpv2Message;
import org.srvcc.wire.Ies;

/** The order rule of {@link PcapConformance}: answers match their requests, and TS 23.216 §6.5.4's sequence holds. */
final class PcapOrder {
    private PcapOrder() {}

    static void answerOrNotification(
            Gtpv2Message g,
            PcapTies.UeState s,
            int n,
            Profile p,
            Map<String, String> open,
            String ue,
            Map<PcapConformance.Rule, List<PcapConformance.Break>> breaks,
            Map<PcapConformance.Rule, Integer> checked) {
        PcapConformance.count(checked, PcapConformance.Rule.ORDER);
        int t = g.type();
        boolean accepted = g.ie(Gtpv2.CAUSE)
                .map(Ies::cause)
                .map(c -> c == Ies.REQUEST_ACCEPTED)
                .orElse(true);
        int request = switch (t) {
            case Gtpv2.FORWARD_RELOCATION_RESPONSE -> Gtpv2.FORWARD_RELOCATION_REQUEST;
            case Gtpv2.SRVCC_PS_TO_CS_RESPONSE -> Gtpv2.SRVCC_PS_TO_CS_REQUEST;
            case Gtpv2.RELOCATION_CANCEL_RESPONSE -> Gtpv2.RELOCATION_CANCEL_REQUEST;
            case Gtpv2.FORWARD_RELOCATION_COMPLETE_ACKNOWLEDGE -> Gtpv2.FORWARD_RELOCATION_COMPLETE_NOTIFICATION;
            case Gtpv2.SRVCC_PS_TO_CS_COMPLETE_ACKNOWLEDGE -> Gtpv2.SRVCC_PS_TO_CS_COMPLETE_NOTIFICATION;
            case Gtpv2.SRVCC_PS_TO_CS_CANCEL_ACKNOWLEDGE -> Gtpv2.SRVCC_PS_TO_CS_CANCEL_NOTIFICATION;
            default -> -1;
        };
        List<PcapConformance.Break> b = breaks.get(PcapConformance.Rule.ORDER);
        if (request >= 0) {
            if (!open.containsKey(request + "/" + g.sequence()))
                b.add(new PcapConformance.Break(
                        PcapConformance.Rule.ORDER,
                        n,
                        g.name() + " answers no earlier " + Gtpv2.messageName(request) + " with sequence number "
                                + g.sequence()));
        } else open.put(t + "/" + g.sequence(), ue);
        switch (t) {
            case Gtpv2.SRVCC_PS_TO_CS_RESPONSE -> s.svAccepted |= accepted;
            case Gtpv2.FORWARD_RELOCATION_RESPONSE -> {
                if (accepted && !s.svAccepted)
                    b.add(new PcapConformance.Break(
                            PcapConformance.Rule.ORDER,
                            n,
                            "Forward Relocation Response accepts before the MSC accepted the SRVCC PS to CS Request"));
                s.frAccepted |= accepted;
            }
            case Gtpv2.SRVCC_PS_TO_CS_COMPLETE_NOTIFICATION -> {
                if (!s.svAccepted)
                    b.add(new PcapConformance.Break(
                            PcapConformance.Rule.ORDER,
                            n,
                            "SRVCC PS to CS Complete Notification before an accepted SRVCC PS to CS Response"));
                s.svCompleted = true;
            }
            case Gtpv2.FORWARD_RELOCATION_COMPLETE_NOTIFICATION -> {
                if (!s.svCompleted || !s.frAccepted)
                    b.add(new PcapConformance.Break(
                            PcapConformance.Rule.ORDER,
                            n,
                            "Forward Relocation Complete Notification before the MSC's completion and an "
                                    + "accepted Forward Relocation Response"));
            }
            case Gtpv2.RELOCATION_CANCEL_REQUEST, Gtpv2.SRVCC_PS_TO_CS_CANCEL_NOTIFICATION -> {
                if (s.kasmeBySeq.isEmpty())
                    b.add(new PcapConformance.Break(
                            PcapConformance.Rule.ORDER, n, g.name() + " with no earlier request to cancel"));
            }
            default -> {}
        }
    }
}
