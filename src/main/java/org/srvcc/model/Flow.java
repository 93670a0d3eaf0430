package org.srvcc.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.srvcc.procedure.Action;
import org.srvcc.procedure.Message;
import org.srvcc.procedure.Profile;
import org.srvcc.procedure.Srvcc;
import org.srvcc.simulation.Setup;
import org.srvcc.tlc.ToolOutput;

/**
 * The one flow model: a titled, numbered list of steps, each with the arrows (messages) it sent,
 * built from a Java run or a TLC error trace alike and printed by simulate, check and the report
 * (as text or as a PlantUML sequence diagram). Labels come from the model's message records, so a
 * Java flow and a TLC flow of the same behaviour read the same.
 */
public record Flow(String title, List<Step> steps, String violated) {
    public record Arrow(String from, String to, String label) {}

    /** Step {@code number} (1-based, consecutive) took {@code action} at {@code node} and sent {@code arrows}. */
    public record Step(int number, String action, String node, List<Arrow> arrows) {}

    /** A Java run whose messages were recorded while it ran ({@code sent.get(i)}: what step i sent). */
    public static Flow ofJava(
            String title, Profile p, List<org.srvcc.procedure.Step> steps, List<List<Message>> sent, String violated) {
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            List<Arrow> arrows = new ArrayList<>();
            for (Message m : sent.get(i))
                arrows.add(new Arrow(m.type().from(p), m.type().to(p), label(Mapping.message(m))));
            Action a = steps.get(i).action();
            out.add(new Step(i + 1, steps.get(i).toString(), a.node(), arrows));
        }
        return new Flow(title, out, violated);
    }

    /** A Java run known only by its steps (a saved scenario): runs it once to see what each step sent. */
    public static Flow ofSteps(String title, Setup setup, List<org.srvcc.procedure.Step> steps, String violated) {
        Srvcc s = setup.start();
        List<List<Message>> sent = new ArrayList<>();
        for (org.srvcc.procedure.Step st : steps) {
            s.apply(st);
            sent.add(s.network().lastSent());
        }
        return ofJava(title, setup.profile(), steps, sent, violated);
    }

    /** A TLC error trace: what each step sent is what it added to the messages in flight (msgs, ul, dl). */
    @SuppressWarnings("unchecked")
    public static Flow ofTlc(String title, List<ToolOutput.TraceState> trace, String profile, String violated) {
        Profile p = Profile.parse(profile);
        List<Step> steps = new ArrayList<>();
        Map<Object, Integer> before = new HashMap<>();
        for (ToolOutput.TraceState st : trace) {
            Map<Object, Integer> now = inFlight(st);
            if (!st.action().equals("Init")) {
                List<Arrow> arrows = new ArrayList<>();
                for (Map.Entry<Object, Integer> e : now.entrySet()) {
                    Map<String, Object> m = (Map<String, Object>) e.getKey();
                    Message.Type t = Message.Type.valueOf((String) m.get("type"));
                    for (int k = before.getOrDefault(m, 0); k < e.getValue(); k++)
                        arrows.add(new Arrow(t.from(p), t.to(p), label(m)));
                }
                steps.add(new Step(steps.size() + 1, st.action(), node(st.action()), arrows));
            }
            before = now;
        }
        return new Flow(title, steps, violated);
    }

    private static Map<Object, Integer> inFlight(ToolOutput.TraceState st) {
        Map<Object, Integer> bag = new HashMap<>();
        if (st.value("msgs") instanceof Set<?> set) for (Object m : set) bag.merge(m, 1, Integer::sum);
        for (String q : List.of("ul", "dl"))
            if (st.value(q) instanceof List<?> perUe)
                for (Object seq : perUe) for (Object m : (List<?>) seq) bag.merge(m, 1, Integer::sum);
        return bag;
    }

    /** The node an action belongs to, from its role prefix ("-" for a name that is no action). */
    static String node(String action) {
        try {
            return Action.valueOf(action).node();
        } catch (IllegalArgumentException e) {
            return "-";
        }
    }

    /** The one label format: "PsToCsRequest(ue 1, att 1, key KDF(KDF(KAMF1,0x7D,0),0x1A,0), KSI 1)". */
    @SuppressWarnings("unchecked")
    public static String label(Map<String, Object> m) {
        StringBuilder b =
                new StringBuilder((String) m.get("type")).append("(ue ").append(m.get("ue"));
        if (((Number) m.get("att")).longValue() > 0) b.append(", att ").append(m.get("att"));
        if (m.containsKey("key")) b.append(", key ").append(term((Map<String, Object>) m.get("key")));
        if (m.containsKey("ksi")) b.append(", KSI ").append(m.get("ksi"));
        if (m.containsKey("lsb")) b.append(", COUNT LSBs ").append(m.get("lsb"));
        if (m.containsKey("count") && !m.containsKey("key"))
            b.append(", COUNT ").append(m.get("count"));
        if (m.containsKey("cap") && m.get("cap") instanceof Collection<?> c) // the UE security capability
        b.append(", cap {")
                    .append(String.join(
                            ",", new TreeSet<>(c.stream().map(String::valueOf).toList())))
                    .append('}');
        if (m.containsKey("ok")) b.append(Boolean.TRUE.equals(m.get("ok")) ? ", accept" : ", reject");
        if (m.get("alg") instanceof Map<?, ?> a
                && !"none".equals(a.get("uea"))) // the selected UEA and UIA (NULL: uea0 with no UIA)
        b.append(", alg ").append("none".equals(a.get("uia")) ? "null" : a.get("uea") + "/" + a.get("uia"));
        long copy = ((Number) m.get("copy")).longValue();
        if (copy == 2) b.append(", duplicate");
        if (copy == 3) b.append(", REPLAYED");
        return b.append(')').toString();
    }

    /** Compact key term: KAMF1, KDF(KAMF1,0x7D,0). */
    @SuppressWarnings("unchecked")
    public static String term(Map<String, Object> k) {
        return switch ((String) k.get("kind")) {
            case "kamf" -> "KAMF" + k.get("id");
            case "kdf" ->
                "KDF(" + term((Map<String, Object>) k.get("key")) + "," + k.get("fc") + "," + k.get("count") + ")";
            default -> "none";
        };
    }

    /** "from -> to: label" for each arrow of a step (the text form, and the trace's msg field). */
    public static List<String> lines(Step s) {
        List<String> l = new ArrayList<>();
        for (Arrow a : s.arrows()) l.add(a.from() + " -> " + a.to() + ": " + a.label());
        return l;
    }

    /** The numbered text form, one line per message, the violation last. */
    public String render() {
        StringBuilder b = new StringBuilder();
        for (Step s : steps) {
            String head = String.format("%3d. %-34s ", s.number(), s.action());
            List<String> l = lines(s);
            if (l.isEmpty()) b.append(head.stripTrailing()).append('\n');
            for (int i = 0; i < l.size(); i++)
                b.append(i == 0 ? head : " ".repeat(head.length()))
                        .append(l.get(i))
                        .append('\n');
        }
        if (violated != null)
            b.append("     => ")
                    .append(violated)
                    .append(" violated in the state after step ")
                    .append(steps.isEmpty() ? 0 : steps.get(steps.size() - 1).number())
                    .append('\n');
        return b.toString();
    }
}
