package org.srvcc.simulation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.srvcc.kdf.Kamf;
import org.srvcc.procedure.Action;
import org.srvcc.procedure.Algorithm;
import org.srvcc.procedure.Amf;
import org.srvcc.procedure.Capabilities;
import org.srvcc.procedure.Event;
import org.srvcc.procedure.Invariants;
import org.srvcc.procedure.Message;
import org.srvcc.procedure.Srvcc;
import org.srvcc.procedure.Step;
import org.srvcc.procedure.Ue;

/**
 * A handover of UE 1 driven deterministically: the success path, with the requested faults
 * injected where they bite, then the procedure left to settle (timers included).
 */
public final class Simulation {
    /** The fault classes {@code ./srvcc simulate --faults} understands. */
    public enum Fault {
        PREP_REJECT_MME("prep-reject-mme", "MME_SRVCC rejects the Forward Relocation Request"),
        PREP_REJECT_MSC("prep-reject-msc", "the MSC server rejects the PS to CS Request"),
        CANCEL("cancel", "the gNB cancels during preparation"),
        TIMEOUT("timeout", "the AMF's timer expires during preparation"),
        UE_LOST("ue-lost", "the UE never reaches UTRAN and returns to NR"),
        MSC_TIMEOUT("msc-timeout", "the MSC's timer expires before the UE arrives"),
        LOSS("loss", "the PS to CS Response is lost"),
        DUPLICATE("duplicate", "the PS to CS Request is duplicated"),
        MSC_RESTART("msc-restart", "the MSC server restarts after preparation"),
        NAS_MISS("nas-miss", "three DL NAS messages before the handover, two missed"),
        RETRY("retry", "a first attempt is rejected, a second one succeeds"),
        CALL_END("call-end", "the call ends, the UE re-authenticates on NR, a second SRVCC"),
        REVERSE("reverse", "the UE asks for SRVCC from UTRAN back to 5G (refused)"),
        NAS_DURING_PREPARATION(
                "nas-during-preparation", "a DL NAS message overtakes the HandoverCommand (sets nasDuringHandover)"),
        CAPABILITY_STRIP(
                "capability-strip",
                "an attacker on N26 (Sv when direct) strips UEA2/UIA2 from the UE security capability"),
        CAPABILITY_FORGE(
                "capability-forge", "UE 1 has UEA1/UIA1 only; an attacker on N26 (Sv when direct) adds UEA2/UIA2"),
        SRVCC_INDICATION_FORGE(
                "srvcc-indication-forge",
                "UE 1 lacks the 5G-SRVCC capability; an attacker on NGAP forges \"5G-SRVCC operation possible\"");
        public final String cli, what;

        Fault(String cli, String what) {
            this.cli = cli;
            this.what = what;
        }

        public static Fault parse(String s) {
            for (Fault f : values()) if (f.cli.equals(s)) return f;
            List<String> known = new ArrayList<>();
            for (Fault f : values()) known.add(f.cli);
            throw new IllegalArgumentException("unknown fault '" + s + "' (known: " + String.join(", ", known) + ")");
        }
    }

    /**
     * The run: its steps, the messages each step sent (recorded while it ran, so a flow needs no
     * second run), the end state, the invariants violated on the way and faults that found no place.
     */
    public record Result(
            List<Step> steps, List<List<Message>> sent, Srvcc end, List<String> violated, Set<Fault> notInjected) {}

    /** What a run collects as it goes; {@code afterStep} sees the state after every step (e.g. for a trace). */
    private record Rec(List<Step> steps, List<List<Message>> sent, List<String> violated, Consumer<Srvcc> afterStep) {
        void take(Srvcc s, Step st) {
            s.apply(st);
            steps.add(st);
            sent.add(s.network().lastSent());
            for (String v : Invariants.violated(s)) if (!violated.contains(v)) violated.add(v);
            afterStep.accept(s);
        }
    }

    private Simulation() {}

    /** The UEs' capabilities and the attacker the faults need ({@link Capabilities#NONE} for the others). */
    public static Capabilities capabilitiesFor(Set<Fault> faults) {
        Set<Integer> weak = new TreeSet<>(), incapable = new TreeSet<>();
        Set<String> links = new TreeSet<>();
        int tampers = 0;
        if (faults.contains(Fault.CAPABILITY_STRIP) || faults.contains(Fault.CAPABILITY_FORGE)) {
            links.addAll(List.of("N26", "Sv"));
            tampers++;
        }
        if (faults.contains(Fault.CAPABILITY_FORGE)) weak.add(1);
        if (faults.contains(Fault.SRVCC_INDICATION_FORGE)) {
            incapable.add(1);
            links.add("N2");
            tampers++;
        }
        return tampers == 0 ? Capabilities.NONE : new Capabilities(weak, incapable, links, tampers);
    }

    /** Runs the handover with the faults; the setup's bounds must leave room for them. */
    public static Result run(Setup setup, Set<Fault> faults) {
        return run(setup, faults, s -> {});
    }

    public static Result run(Setup setup, Set<Fault> faults, Consumer<Srvcc> afterStep) {
        return run(setup, faults, afterStep, null, w -> {});
    }

    /** As above, with UE 1's first KAMF given (null: the seed's) and a tap on the GTPv2-C octets sent. */
    public static Result run(
            Setup setup, Set<Fault> faults, Consumer<Srvcc> afterStep, Kamf firstKamf, Consumer<Event.Wire> wireTap) {
        if (faults.contains(Fault.PREP_REJECT_MME) && !setup.profile().viaMme())
            throw new IllegalArgumentException(
                    "fault prep-reject-mme needs an MME_SRVCC; profile " + setup.profile() + " has none");
        for (Fault failing : List.of(Fault.CAPABILITY_FORGE, Fault.SRVCC_INDICATION_FORGE))
            for (Fault needsSuccess : List.of(Fault.RETRY, Fault.CALL_END, Fault.REVERSE))
                if (faults.contains(failing) && faults.contains(needsSuccess))
                    throw new IllegalArgumentException("fault " + failing.cli + " makes the handover fail, so "
                            + needsSuccess.cli + " has no handover to follow; give them in separate runs");
        if (setup.caps().isNone()) setup = setup.withCaps(capabilitiesFor(faults)); // the faults' UEs and attacker
        Srvcc s = setup.start(firstKamf);
        s.tapWire(wireTap);
        EnumSet<Fault> pending = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
        Rec rec = new Rec(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), afterStep);
        int u = 1;
        if (pending.remove(Fault.SRVCC_INDICATION_FORGE)) // before the gNB decides: it now believes UE 1 can do SRVCC
        take(s, rec, new Step(Action.AttackerRewriteSrvccIndication, u, 0));
        if (pending.remove(Fault.NAS_MISS)) {
            for (int i = 0; i < 3; i++) take(s, rec, new Step(Action.AmfSendDownlinkNas, u, 0));
            take(s, rec, new Step(Action.UeMissDownlinkNas, u, 0));
            take(s, rec, new Step(Action.UeHandleDownlinkNas, u, 0));
            take(s, rec, new Step(Action.UeMissDownlinkNas, u, 0));
        }
        boolean retry = pending.remove(Fault.RETRY);
        boolean callEnd = pending.remove(Fault.CALL_END);
        boolean reverse = pending.remove(Fault.REVERSE);
        int handovers = (retry ? 1 : 0) + (callEnd ? 2 : 1);
        for (int h = 0; h < handovers; h++) {
            boolean rejectThisOne = retry && h == 0;
            take(s, rec, new Step(Action.GnbSendHandoverRequired, u, 0));
            settle(s, rec, pending, rejectThisOne);
            if (reverse && inUtranCall(s)) {
                take(s, rec, new Step(Action.UeRequestReverseSrvcc, u, 0));
                reverse = false;
            }
            if (callEnd && h + 1 < handovers && inUtranCall(s)) {
                take(s, rec, new Step(Action.UeEndCall, u, 0));
                settle(s, rec, pending, false);
                // the UE left without a Forward Relocation Complete (e.g. the MSC had timed out):
                // the AMF's supervision timer releases the 5G context before the new authentication
                if (amfCommanded(s)) take(s, rec, new Step(Action.AmfTimerExpiry, u, 0));
                take(s, rec, new Step(Action.UeAuthenticate, u, 0));
            }
        }
        return new Result(rec.steps(), rec.sent(), s, rec.violated(), pending);
    }

    private static boolean inUtranCall(Srvcc s) {
        return s.ue(1).state() == Ue.State.InUtranCall;
    }

    private static void take(Srvcc s, Rec rec, Step st) {
        if (!s.enabled().contains(st)) throw new IllegalStateException("simulation step " + st + " is not enabled");
        rec.take(s, st);
    }

    /** Progress steps until none is left, injecting the pending faults at their points. */
    private static void settle(Srvcc s, Rec rec, Set<Fault> pending, boolean reject) {
        for (int guard = 0; guard < 200; guard++) {
            List<Step> en = s.enabled();
            Step next = inject(s, en, pending, reject);
            if (next == null)
                next = first(
                        en,
                        st -> st.action().kind == Action.Kind.PROGRESS
                                && st.action() != Action.AmfTimerExpiry
                                && st.action() != Action.MscTimerExpiry);
            if (next == null) next = first(en, st -> st.action() == Action.GnbHandleCancelAcknowledge);
            if (next == null)
                next = first(
                        en,
                        st -> st.action() == Action.MscTimerExpiry
                                || st.action() == Action.AmfTimerExpiry && !amfCommanded(s));
            if (next == null) return;
            rec.take(s, next);
        }
        throw new IllegalStateException("simulation did not settle in 200 steps");
    }

    private static boolean amfCommanded(Srvcc s) {
        return s.amf(1).state() == Amf.State.Commanded;
    }

    private static Step inject(Srvcc s, List<Step> en, Set<Fault> pending, boolean reject) {
        if (reject) {
            Step r = first(en, st -> st.action() == Action.MscRejectPreparation);
            if (r != null) return r;
        }
        for (Fault f : List.copyOf(pending)) {
            Step st = switch (f) {
                case PREP_REJECT_MME -> first(en, x -> x.action() == Action.MmeRejectPreparation);
                case PREP_REJECT_MSC -> first(en, x -> x.action() == Action.MscRejectPreparation);
                case CANCEL ->
                    has(s, Message.Type.PsToCsRequest) ? first(en, x -> x.action() == Action.GnbCancel) : null;
                case TIMEOUT ->
                    has(s, Message.Type.PsToCsRequest) ? first(en, x -> x.action() == Action.AmfTimerExpiry) : null;
                case UE_LOST -> first(en, x -> x.action() == Action.UeReturnTo5G);
                case MSC_TIMEOUT ->
                    first(en, x -> x.action() == Action.UeArriveUtran) != null
                            ? first(en, x -> x.action() == Action.MscTimerExpiry)
                            : null;
                case LOSS -> lose(s, en, Message.Type.PsToCsResponse);
                case DUPLICATE ->
                    has(s, Message.Type.PsToCsRequest) ? first(en, x -> x.action() == Action.NetDuplicate) : null;
                case MSC_RESTART ->
                    has(s, Message.Type.PsToCsResponse) ? first(en, x -> x.action() == Action.MscRestart) : null;
                case NAS_DURING_PREPARATION ->
                    s.amf(1).state() == Amf.State.Preparing
                            ? first(en, x -> x.action() == Action.AmfSendDownlinkNas)
                            : null;
                case CAPABILITY_STRIP -> rewrite(s, en, Set.of(Algorithm.UEA1, Algorithm.UIA1));
                case CAPABILITY_FORGE -> rewrite(s, en, Algorithm.ALL);
                default -> null;
            };
            if (st != null) {
                pending.remove(f);
                return st;
            }
        }
        return null;
    }

    /**
     * The AttackerRewriteCapability step that writes {@code to} into UE 1's first keyed request on a tampered link, or
     * null.
     */
    private static Step rewrite(Srvcc s, List<Step> en, Set<Algorithm> to) {
        int choice = s.network().rewriteChoice(1, to);
        return choice < 0
                ? null
                : first(en, x -> x.action() == Action.AttackerRewriteCapability && x.choice() == choice);
    }

    private static boolean has(Srvcc s, Message.Type t) {
        return s.network().inFlight().stream().anyMatch(m -> m.type() == t);
    }

    /** NetLose of UE 1's message of type t, if one is in flight (NetLose counts UE 1's messages in order). */
    private static Step lose(Srvcc s, List<Step> en, Message.Type t) {
        List<Step> loses = en.stream().filter(x -> x.action() == Action.NetLose).toList();
        if (loses.isEmpty()) return null;
        int k = 0;
        for (Message m : s.network().inFlight()) {
            if (m.ue() != 1) continue;
            if (m.type() == t) return loses.get(k);
            k++;
        }
        return null;
    }

    /**
     * From any state: apply progress steps (timers last, never the AMF's in Commanded) until none is
     * left; returns the invariants violated on the way.
     */
    public static List<String> runToCompletion(Srvcc s, List<Step> steps) {
        Rec rec = new Rec(steps, new ArrayList<>(), new ArrayList<>(), x -> {});
        settle(s, rec, EnumSet.noneOf(Fault.class), false);
        return rec.violated();
    }

    private static Step first(List<Step> en, Predicate<Step> p) {
        for (Step s : en) if (p.test(s)) return s;
        return null;
    }

    /** Final state of each node for UE 1, named as the model's variables and values. */
    public static Map<String, String> finalStates(Srvcc s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ueState", s.ue(1).state().name());
        m.put("gnbState", s.gnb(1).name());
        m.put("amfState", s.amf(1).state().name());
        m.put("mmeState", s.mme(1).state().name());
        m.put("mscState", s.msc(1).state().name());
        m.put("mscAlg", s.msc(1).alg().toString());
        return m;
    }
}
