package org.srvcc.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a TLC error trace into a numbered message flow a 3GPP delegate can follow. */
public final class Flow {
    private Flow() {}

    public record Step(int number, String action, String node, List<String> sent, List<Arrow> arrows) {}

    public record Arrow(String from, String to, String label) {}

    /** Sender and receiver of each message type; the MSC's peer is the AMF in draft-direct. */
    public static String[] endpoints(String type, String profile) {
        String peer = profile.equals("draft-direct") ? "AMF" : "MME_SRVCC";
        return switch (type) {
            case "HandoverRequired", "HandoverCancel" -> new String[] {"gNB", "AMF"};
            case "ForwardRelocationRequest", "RelocationCancel" -> new String[] {"AMF", "MME_SRVCC"};
            case "ForwardRelocationResponse", "ForwardRelocationComplete" -> new String[] {"MME_SRVCC", "AMF"};
            case "PsToCsRequest", "PsToCsCancel" -> new String[] {peer, "MSC"};
            case "PsToCsResponse", "PsToCsComplete" -> new String[] {"MSC", peer};
            case "HandoverCommand", "HandoverPreparationFailure", "HandoverCancelAcknowledge" -> new String[] {"AMF", "gNB"};
            case "HandoverCommandUe" -> new String[] {"gNB", "UE"};
            case "DownlinkNasTransport" -> new String[] {"AMF", "UE"};
            case "HandoverComplete", "CallRelease" -> new String[] {"UE", "MSC"};
            default -> new String[] {"?", "?"};
        };
    }

    /** The node an action belongs to, from its role prefix. */
    public static String node(String action) {
        try {
            return org.srvcc.procedure.Action.valueOf(action).node();
        } catch (IllegalArgumentException e) {
            return "-";
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Step> of(List<ToolOutput.TraceState> trace, String profile) {
        List<Step> steps = new ArrayList<>();
        Map<String, Integer> before = new HashMap<>();
        for (ToolOutput.TraceState st : trace) {
            Map<String, Integer> now = inFlight(st);
            if (!st.action().equals("Init")) {
                List<String> sent = new ArrayList<>();
                List<Arrow> arrows = new ArrayList<>();
                for (Map.Entry<String, Integer> e : now.entrySet()) {
                    int extra = e.getValue() - before.getOrDefault(e.getKey(), 0);
                    for (int k = 0; k < extra; k++) {
                        Map<String, Object> m = (Map<String, Object>) TlaValue.parse(e.getKey());
                        String type = (String) m.get("type");
                        String[] ft = endpoints(type, profile);
                        String label = label(m);
                        sent.add(ft[0] + " -> " + ft[1] + ": " + label);
                        arrows.add(new Arrow(ft[0], ft[1], label));
                    }
                }
                steps.add(new Step(st.number() - 1, st.action(), node(st.action()), sent, arrows));
            }
            before = now;
        }
        return steps;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Integer> inFlight(ToolOutput.TraceState st) {
        Map<String, Integer> bag = new HashMap<>();
        Object msgs = st.value("msgs");
        if (msgs instanceof java.util.Set<?> set) for (Object m : set) bag.merge(TlaValue.write(m), 1, Integer::sum);
        for (String q : List.of("ul", "dl")) {
            Object v = st.value(q);
            if (v instanceof List<?> perUe) for (Object seq : perUe) for (Object m : (List<Object>) seq) bag.merge(TlaValue.write(m), 1, Integer::sum);
        }
        return bag;
    }

    /** "PsToCsRequest(ue 1, att 1, CK||IK=KDF(KDF(KAMF1,0x7D,0),0x1A,0), KSI 1)" */
    @SuppressWarnings("unchecked")
    static String label(Map<String, Object> m) {
        StringBuilder b = new StringBuilder((String) m.get("type")).append("(ue ").append(m.get("ue"));
        if (((Number) m.get("att")).longValue() > 0) b.append(", att ").append(m.get("att"));
        if (m.containsKey("key")) b.append(", key ").append(term((Map<String, Object>) m.get("key")));
        if (m.containsKey("ksi")) b.append(", KSI ").append(m.get("ksi"));
        if (m.containsKey("lsb")) b.append(", COUNT LSBs ").append(m.get("lsb"));
        if (m.containsKey("count") && !m.containsKey("key")) b.append(", COUNT ").append(m.get("count"));
        if (m.containsKey("ok")) b.append(Boolean.TRUE.equals(m.get("ok")) ? ", accept" : ", reject");
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
            case "kdf" -> "KDF(" + term((Map<String, Object>) k.get("key")) + "," + k.get("fc") + "," + k.get("count") + ")";
            default -> "none";
        };
    }

    public static String render(List<Step> steps, String violated) {
        StringBuilder b = new StringBuilder();
        for (Step s : steps) {
            b.append(String.format("%3d. %-34s", s.number(), s.action()));
            if (s.sent().isEmpty()) b.append('\n');
            else {
                b.append(s.sent().get(0)).append('\n');
                for (int k = 1; k < s.sent().size(); k++) b.append(" ".repeat(39)).append(s.sent().get(k)).append('\n');
            }
        }
        if (violated != null) b.append("     => ").append(violated).append(" violated in the state after step ")
            .append(steps.isEmpty() ? 0 : steps.get(steps.size() - 1).number()).append('\n');
        return b.toString();
    }
}
