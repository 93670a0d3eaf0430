package org.srvcc.tlc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads and writes the TLA+ values TLC prints: numbers (Long), strings, booleans, sequences
 * (List), sets (Set) and records (sorted Map). Plain Java collections, so equals compares values.
 */
public final class TlaValue {
    private final String s;
    private int i;

    private TlaValue(String s) {
        this.s = s;
    }

    public static Object parse(String text) {
        TlaValue p = new TlaValue(text);
        Object v = p.value();
        p.ws();
        if (p.i != p.s.length())
            throw new IllegalArgumentException("TLA+ value: trailing text at " + p.i + ": " + text);
        return v;
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    private boolean eat(String t) {
        ws();
        if (s.startsWith(t, i)) {
            i += t.length();
            return true;
        }
        return false;
    }

    private Object value() {
        ws();
        if (eat("<<")) {
            List<Object> l = new ArrayList<>();
            if (eat(">>")) return l;
            do l.add(value());
            while (eat(","));
            if (!eat(">>")) throw new IllegalArgumentException("TLA+ value: expected >> at " + i);
            return l;
        }
        if (eat("{")) {
            Set<Object> set = new HashSet<>();
            if (eat("}")) return set;
            do set.add(value());
            while (eat(","));
            if (!eat("}")) throw new IllegalArgumentException("TLA+ value: expected } at " + i);
            return set;
        }
        if (eat("[")) return record();
        if (eat("\"")) {
            StringBuilder b = new StringBuilder();
            while (s.charAt(i) != '"') {
                if (s.charAt(i) == '\\') i++;
                b.append(s.charAt(i++));
            }
            i++;
            return b.toString();
        }
        if (eat("(")) return ueFunction(); // a function TLC cannot print as a sequence: over model-value UEs
        if (i + 1 < s.length() && s.charAt(i) == 'u' && Character.isDigit(s.charAt(i + 1))) { // model value uN: UE N
            int st = ++i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            return Long.parseLong(s.substring(st, i));
        }
        if (eat("TRUE")) return Boolean.TRUE;
        if (eat("FALSE")) return Boolean.FALSE;
        int st = i;
        if (i < s.length() && s.charAt(i) == '-') i++;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        if (st == i)
            throw new IllegalArgumentException(
                    "TLA+ value: unexpected text at " + i + ": " + s.substring(i, Math.min(s.length(), i + 20)));
        return Long.parseLong(s.substring(st, i));
    }

    /** A record, after its "[": field |-> value, ..., "]". */
    private Map<String, Object> record() {
        Map<String, Object> m = new TreeMap<>();
        do {
            ws();
            int st = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
            String k = s.substring(st, i);
            if (!eat("|->")) throw new IllegalArgumentException("TLA+ value: expected |-> at " + i);
            m.put(k, value());
        } while (eat(","));
        if (!eat("]")) throw new IllegalArgumentException("TLA+ value: expected ] at " + i);
        return m;
    }

    /** After "(": (u1 :> a @@ u2 :> b), read as the sequence TLC prints for UEs 1..N. */
    private List<Object> ueFunction() {
        TreeMap<Long, Object> f = new TreeMap<>();
        do {
            Object k = value();
            if (!(k instanceof Long n) || !eat(":>"))
                throw new IllegalArgumentException("TLA+ value: expected UE :> value at " + i);
            f.put(n, value());
        } while (eat("@@"));
        if (!eat(")")) throw new IllegalArgumentException("TLA+ value: expected ) at " + i);
        if (f.firstKey() != 1 || f.lastKey() != f.size()) // distinct keys: then exactly 1..N
        throw new IllegalArgumentException("TLA+ value: a function over UEs must cover u1..uN: " + f.keySet());
        return new ArrayList<>(f.values()); // read as the sequence TLC prints for UEs 1..N
    }

    /** Writes a value as TLA+ text; sets and record fields in a canonical order. */
    public static String write(Object v) {
        StringBuilder b = new StringBuilder();
        write(v, b);
        return b.toString();
    }

    private static void write(Object v, StringBuilder b) {
        if (v instanceof String str)
            b.append('"')
                    .append(str.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        else if (v instanceof Boolean bool) b.append(bool ? "TRUE" : "FALSE");
        else if (v instanceof Number n) b.append(n.longValue());
        else if (v instanceof List<?> l) {
            b.append("<<");
            for (int k = 0; k < l.size(); k++) {
                if (k > 0) b.append(", ");
                write(l.get(k), b);
            }
            b.append(">>");
        } else if (v instanceof Set<?> set) {
            List<String> parts = new ArrayList<>();
            for (Object o : set) parts.add(write(o));
            parts.sort(null);
            b.append('{').append(String.join(", ", parts)).append('}');
        } else if (v instanceof Map<?, ?> m && m.isEmpty()) {
            b.append("<<>>"); // the empty function, as TLC prints it
        } else if (v instanceof Map<?, ?> m) {
            b.append('[');
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
                if (!first) b.append(", ");
                first = false;
                b.append(e.getKey()).append(" |-> ");
                write(e.getValue(), b);
            }
            b.append(']');
        } else throw new IllegalArgumentException("not a TLA+ value: " + v);
    }
}
