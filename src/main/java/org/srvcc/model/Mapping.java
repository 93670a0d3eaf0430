package org.srvcc.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.srvcc.kdf.KeyTerm;
import org.srvcc.kdf.Ksi;
import org.srvcc.procedure.Action;
import org.srvcc.procedure.Algorithm;
import org.srvcc.procedure.Evidence;
import org.srvcc.procedure.Message;
import org.srvcc.procedure.Srvcc;

/**
 * The one place where the Java implementation meets the TLA+ model (in the manner of the mapping
 * comments of CCF's Traceccfraft.tla). Each row: the TLA+ variable of spec/Srvcc.tla, which is also
 * the NDJSON trace field, the Java field it abstracts, and the abstraction. Keys become terms
 * ([kind |-> "kdf", key |-> ..., fc |-> "0x7D", count |-> c]), never bytes. Trace validation,
 * model replay, NDJSON traces and the flows all go through here.
 */
public final class Mapping {
    private Mapping() {}

    /** TLA+ variable (= NDJSON field), Java source, abstraction. */
    public record Row(String variable, String java, Function<Srvcc, Object> value) {}

    public static final Map<String, Object> NONE = Map.of("kind", "none");

    public static final List<Row> ROWS = List.of(
            perUe("ueState", "Ue.Ctx.state", (s, u) -> s.ue(u).state().name()),
            perUe("ueKamf", "Ue.Ctx.kamf (its KeyTerm id; 0: none shared)", (s, u) ->
                    (long) s.ue(u).kamfId()),
            perUe("ueDl", "Ue.Ctx.dl (stored DL NAS COUNT)", (s, u) ->
                    (long) s.ue(u).dl()),
            perUe("ueUsed", "Ue.Ctx.used", (s, u) -> longs(s.ue(u).used())),
            perUe("ueDerivs", "Ue.Ctx.derivs", (s, u) -> (long) s.ue(u).derivs()),
            perUe(
                    "ueKey",
                    "Ue.Ctx.key (CkIk.source() term)",
                    (s, u) -> term(s.ue(u).key())),
            perUe("ueKsi", "Ue.Ctx.ksi", (s, u) -> ksi(s.ue(u).ksi())),
            perUe("ueSession", "Ue.Ctx.session", (s, u) -> s.ue(u).session().model),
            perUe("amfState", "Amf.Ctx.state", (s, u) -> s.amf(u).state().name()),
            perUe("amfKamf", "Amf.Ctx.kamf (id; 0 once released)", (s, u) ->
                    (long) s.amf(u).kamfId()),
            perUe("amfDl", "Amf.Ctx.dl", (s, u) -> (long) s.amf(u).dl()),
            perUe("amfUsed", "Amf.Ctx.used", (s, u) -> longs(s.amf(u).used())),
            perUe("amfDerivs", "Amf.Ctx.derivs", (s, u) -> (long) s.amf(u).derivs()),
            perUe("amfAtt", "Amf.Ctx.att", (s, u) -> (long) s.amf(u).att()),
            perUe("amfCount", "Amf.Ctx.count (COUNT of the last derivation)", (s, u) ->
                    (long) s.amf(u).count()),
            perUe("mmeState", "MmeSrvcc.Ctx.state", (s, u) -> s.mme(u).state().name()),
            perUe("mmeKsi", "MmeSrvcc.Ctx.ksi", (s, u) -> ksi(s.mme(u).ksi())),
            perUe("mmeAtt", "MmeSrvcc.Ctx.att", (s, u) -> (long) s.mme(u).att()),
            perUe("mscState", "MscServer.Ctx.state", (s, u) -> s.msc(u).state().name()),
            perUe("mscKey", "MscServer.Ctx.key (term)", (s, u) -> term(s.msc(u).key())),
            perUe("mscKsi", "MscServer.Ctx.ksi", (s, u) -> ksi(s.msc(u).ksi())),
            perUe("mscAlg", "MscServer.Ctx.alg", (s, u) -> s.msc(u).alg().model()),
            perUe(
                    "mscSession",
                    "MscServer.Ctx.session (\"none\": no context)",
                    (s, u) -> s.msc(u).session() == null ? "none" : s.msc(u).session().model),
            perUe("mscAtt", "MscServer.Ctx.att", (s, u) -> (long) s.msc(u).att()),
            perUe("gnbState", "Gnb.state", (s, u) -> s.gnb(u).name()),
            new Row(
                    "msgs",
                    "Network.msgs (a set by Message.identity())",
                    s -> messages(s.network().inFlight())),
            perUe(
                    "ul",
                    "Network.ul (N2 uplink queue)",
                    (s, u) -> s.network().uplink(u).stream()
                            .map(m -> (Object) message(m))
                            .toList()),
            perUe(
                    "dl",
                    "Network.dl (downlink queue)",
                    (s, u) -> s.network().downlink(u).stream()
                            .map(m -> (Object) message(m))
                            .toList()),
            new Row("radio", "Network.radio", s -> messages(s.network().radio())),
            new Row("held", "Evidence.held (Event.Held)", Mapping::held),
            new Row("issued", "Evidence.issued (Event.ContextMapped)", Mapping::issued),
            perUe(
                    "srvccKamfs",
                    "Evidence.srvccKamfs (Event.ArrivedUtran)",
                    (s, u) -> longs(s.evidence().srvccKamfs(u))),
            new Row("faults", "Network.faults", s -> (long) s.network().faults()),
            new Row("reorders", "Network.reorders", s -> (long) s.network().reorders()),
            new Row("replays", "Network.replays", s -> (long) s.network().replays()),
            new Row("nextKamf", "Amf.nextKamf", s -> (long) s.nextKamf()),
            perUe("amfUl", "Amf.Ctx.ul (UL NAS COUNT)", (s, u) ->
                    (long) s.amf(u).ul()),
            new Row("epsKeys", "Evidence.epsKeys (Event.EpsKeyDerived)", s -> {
                Set<Object> t = new HashSet<>();
                for (KeyTerm k : s.evidence().epsKeys()) t.add(term(k));
                return t;
            }),
            perUe(
                    "amfSrvccCap",
                    "Amf.Ctx.srvccCap (5G-SRVCC capability registered)",
                    (s, u) -> s.amf(u).srvccCap()),
            perUe(
                    "gnbSrvccPossible",
                    "Gnb.srvccPossible (NGAP \"5G-SRVCC operation possible\")",
                    (s, u) -> s.gnbSrvccPossible(u)),
            new Row("tampers", "Network.tampers", s -> (long) s.network().tampers()));

    private interface PerUe {
        Object at(Srvcc s, int u);
    }

    /** A function of UEs 1..N is a TLA+ sequence here, as TLC prints it. */
    private static Row perUe(String v, String java, PerUe f) {
        return new Row(v, java, s -> {
            List<Object> l = new ArrayList<>();
            for (int u : s.ues()) l.add(f.at(s, u));
            return l;
        });
    }

    /** The whole state in the model's variables and values. */
    public static Map<String, Object> state(Srvcc s) {
        Map<String, Object> m = new TreeMap<>();
        for (Row r : ROWS) m.put(r.variable(), r.value().apply(s));
        return m;
    }

    /** A key term as the model writes it; a split CK||IK is named by the 256-bit value it came from. */
    public static Map<String, Object> term(KeyTerm t) {
        if (t == null) return NONE;
        Map<String, Object> m = new LinkedHashMap<>();
        if (t instanceof KeyTerm.KamfTerm k) {
            m.put("kind", "kamf");
            m.put("id", (long) k.id());
        } else if (t instanceof KeyTerm.KdfTerm d) {
            m.put("kind", "kdf");
            m.put("key", term(d.key()));
            m.put("fc", d.fc().toString());
            m.put("count", (long) d.count());
        } else {
            return term(((KeyTerm.HalfTerm) t).key());
        }
        return m;
    }

    /** A message as the model writes it: a TLA+ record. */
    public static Map<String, Object> message(Message m) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", m.type().name());
        r.put("ue", (long) m.ue());
        r.put("att", (long) m.att());
        r.put("copy", (long) m.copy());
        if (m instanceof Message.ForwardRelocationRequest f) {
            keyed(
                    r,
                    f.kasme() == null ? null : f.kasme().term(),
                    f.ksi(),
                    f.count().value(),
                    f.session().model);
            r.put("cap", new HashSet<Object>(Algorithm.names(f.cap())));
        } else if (m instanceof Message.PsToCsRequest p) {
            keyed(
                    r,
                    p.keys() == null ? null : p.keys().source(),
                    p.ksi(),
                    p.count().value(),
                    p.session().model);
            r.put("cap", new HashSet<Object>(Algorithm.names(p.cap())));
        } else if (m instanceof Message.Answer x) {
            r.put("ok", x.ok());
            r.put("alg", x.alg().model());
        } else if (m instanceof Message.HoCmd h) {
            r.put("lsb", (long) h.lsb());
            r.put("ksi", ksi(h.ksi()));
            r.put("alg", h.alg().model());
        } else if (m instanceof Message.Nas n) {
            r.put("count", (long) n.count().value());
        }
        return r;
    }

    private static void keyed(Map<String, Object> r, KeyTerm key, Ksi ksi, int count, String session) {
        r.put("key", term(key));
        r.put("ksi", ksi(ksi));
        r.put("count", (long) count);
        r.put("session", session);
    }

    private static Object ksi(Ksi k) {
        return (long) k.value();
    }

    private static Set<Object> messages(Collection<Message> ms) {
        Set<Object> s = new HashSet<>();
        for (Message m : ms) s.add(message(m));
        return s;
    }

    private static Object held(Srvcc s) {
        Map<String, Object> h = new TreeMap<>();
        s.evidence().held().forEach((p, ks) -> {
            Set<Object> t = new HashSet<>();
            for (KeyTerm k : ks) t.add(term(k));
            h.put(p.model, t);
        });
        return h;
    }

    private static Object issued(Srvcc s) {
        Set<Object> is = new HashSet<>();
        for (Evidence.Issued i : s.evidence().issued()) {
            Map<String, Object> rec = new TreeMap<>();
            rec.put("ue", (long) i.ue());
            rec.put("att", (long) i.att());
            rec.put("key", term(i.term()));
            is.add(rec);
        }
        return is;
    }

    private static Set<Object> longs(Collection<Integer> c) {
        Set<Object> s = new HashSet<>();
        for (int i : c) s.add((long) i);
        return s;
    }

    /**
     * The TLA+ module trace validation needs, generated from this table and Java's action list so
     * that neither is written twice: IsState(s) (every variable as reported), BecomesState(s) (the
     * variables a step changed; the rest unchanged) and TraceAction(a, u), the action Java named
     * (Srvcc's, bounded or switched by the cfg's substitutions as in every model).
     */
    public static String traceStateModule() {
        StringBuilder b = new StringBuilder("---- MODULE TraceState ----\n");
        b.append("(* Generated from org.srvcc.model.Mapping.ROWS; one line per variable of spec/Srvcc.tla. "
                + "*)\nEXTENDS MC\n");
        b.append("IsState(s) ==\n");
        for (Row r : ROWS)
            b.append("    /\\ ")
                    .append(r.variable())
                    .append(" = s.")
                    .append(r.variable())
                    .append('\n');
        b.append("BecomesState(s) ==\n");
        for (Row r : ROWS) {
            String v = r.variable();
            b.append("    /\\ ")
                    .append(v)
                    .append("' = IF \"")
                    .append(v)
                    .append("\" \\in DOMAIN s THEN s.")
                    .append(v)
                    .append(" ELSE ")
                    .append(v)
                    .append('\n');
        }
        b.append("TraceAction(a, u) ==\n    CASE ");
        for (Action a : Action.values())
            b.append("a = \"").append(a).append("\" -> ").append(a.call("u")).append("\n      [] ");
        return b.append("OTHER -> FALSE\n====\n").toString();
    }

    /** The Java-field column of the table, for the README and the report. */
    public static String markdownTable() {
        StringBuilder b = new StringBuilder("| TLA+ variable = NDJSON field | Java |\n|---|---|\n");
        for (Row r : ROWS)
            b.append("| `").append(r.variable()).append("` | ").append(r.java()).append(" |\n");
        return b.toString();
    }
}
