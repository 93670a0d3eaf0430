package org.srvcc.cli;

import java.util.List;
import java.util.Map;
import org.srvcc.procedure.KeyPlan;
import org.srvcc.procedure.Options;
import org.srvcc.procedure.Profile;

/** Tiny JSON writer for the CLI's data outputs (flat objects of strings). */
final class Json {
    private Json() {}

    static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> { if (c < 0x20) b.append(String.format("\\u%04x", (int) c)); else b.append(c); }
            }
        }
        return b.append('"').toString();
    }

    static String object(Map<String, String> fields) {
        StringBuilder b = new StringBuilder("{");
        fields.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(str(k)).append(':').append(str(v)));
        return b.append('}').toString();
    }

    static String steps(Profile p, Options o, List<KeyPlan.ChainStep> steps) {
        StringBuilder b = new StringBuilder("{\"profile\":").append(str(p.toString()))
            .append(",\"options\":").append(object(o.asMap())).append(",\"steps\":[");
        for (int i = 0; i < steps.size(); i++) {
            KeyPlan.ChainStep s = steps.get(i);
            Map<String, String> m = new java.util.LinkedHashMap<>();
            m.put("name", s.name());
            m.put("from", s.from());
            m.put("s", s.s());
            m.put("value", s.value());
            b.append(i > 0 ? "," : "").append(object(m));
        }
        return b.append("]}").toString();
    }
}
