package org.srvcc.tlc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses TLC's {@code -tool} output: framed messages with a code each (see shared/notes/TOOLING.md). */
public final class ToolOutput {
    public record Message(int code, int severity, String body) {}

    /** One state of an error trace: the action that led to it and its variables as TLA+ text. */
    public record TraceState(int number, String action, Map<String, String> vars) {
        public Object value(String var) {
            String v = vars.get(var);
            return v == null ? null : TlaValue.parse(v);
        }
    }

    private static final Pattern FRAME =
            Pattern.compile("@!@!@STARTMSG (\\d+):(\\d+) @!@!@\\R(.*?)@!@!@ENDMSG \\1 @!@!@", Pattern.DOTALL);
    private static final Pattern STATE_HEAD = Pattern.compile("^(?:State )?(\\d+): <(.*?)>\\s*$", Pattern.MULTILINE);
    private static final Pattern VAR = Pattern.compile("(?m)^/\\\\ (\\w+) = ");
    private static final Pattern STATS = Pattern.compile(
            "([\\d,]+) states generated.*?([\\d,]+) distinct states found.*?([\\d,]+) states left", Pattern.DOTALL);
    private static final Pattern DEPTH = Pattern.compile("depth of the complete state graph search is (\\d+)");
    private static final Pattern COVERAGE = Pattern.compile("^<(\\w+) line .*?>: (\\d+):(\\d+)", Pattern.MULTILINE);

    public final List<Message> messages = new ArrayList<>();
    /** For each message, the parts MCOnce.tla printed violated just before it (usually none). */
    private final List<List<String>> printedBefore = new ArrayList<>();

    private static final Pattern ONCE = Pattern.compile("(?m)^<<\"OnceViolated\", \"(\\w+)\">>\\s*$");
    private static final Pattern FIRED = Pattern.compile("(?m)^<<\"Fired\", \"(\\w+)\">>\\s*$");
    /** The actions MCFired.tla printed, outside TLC's messages. */
    private final Set<String> fired = new TreeSet<>();

    public ToolOutput(String text) {
        Matcher m = FRAME.matcher(text);
        int last = 0;
        while (m.find()) {
            List<String> printed = new ArrayList<>();
            Matcher once = ONCE.matcher(text).region(last, m.start());
            while (once.find()) printed.add(once.group(1));
            printedBefore.add(printed);
            firedIn(text, last, m.start());
            last = m.end();
            messages.add(new Message(
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    m.group(3).strip()));
        }
        firedIn(text, last, text.length());
    }

    private void firedIn(String text, int from, int to) {
        Matcher f = FIRED.matcher(text).region(from, to);
        while (f.find()) fired.add(f.group(1));
    }

    /** The actions MCFired.tla reported: each has a step from a state TLC reached that changes the state. */
    public Set<String> fired() {
        return Collections.unmodifiableSet(fired);
    }

    /** A violation MCOnce.tla reported: the parts first violated at one state (or step), and the trace to it. */
    public record OnceViolation(List<String> parts, List<TraceState> trace) {}

    /**
     * The violations of a run of MCOnce.tla (TLC -continue), in the order TLC found them: each report of an
     * OnceP names, in the lines printed before it, every part first violated there, and is followed by its trace.
     * A report without such lines (OnceP failing for another reason) is an IllegalStateException.
     */
    public List<OnceViolation> onceViolations() {
        List<OnceViolation> found = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Message x = messages.get(i);
            if (x.code == 2110 || x.code == 2112) {
                if (printedBefore.get(i).isEmpty())
                    throw new IllegalStateException("TLC reported a violation that MCOnce.tla did not print: "
                            + x.body.lines().findFirst().orElse(""));
                found.add(new OnceViolation(List.copyOf(printedBefore.get(i)), new ArrayList<>()));
            } else if (x.code == 2217 && !found.isEmpty()) { // a progress line printed meanwhile does not end it
                TraceState t = traceState(x);
                if (t != null) found.get(found.size() - 1).trace().add(t);
            }
        }
        return found.stream()
                .map(v -> new OnceViolation(v.parts(), List.copyOf(v.trace())))
                .toList();
    }

    public boolean success() {
        return messages.stream().anyMatch(x -> x.code == 2193);
    }

    /** The invariant TLC reports violated, or null. */
    public String violatedInvariant() {
        for (Message x : messages) {
            Matcher m = Pattern.compile("Invariant (\\w+) is violated").matcher(x.body);
            if (x.code == 2110 && m.find()) return m.group(1);
        }
        return null;
    }

    /** The action property TLC reports violated ("Action property X is violated."), or null. */
    public String violatedActionProperty() {
        for (Message x : messages) {
            Matcher m = Pattern.compile("Action property (\\w+) is violated").matcher(x.body);
            if (x.code == 2112 && m.find()) return m.group(1);
        }
        return null;
    }

    public boolean temporalViolated() {
        // 2116: temporal property violated; 2112: action property (e.g. a refinement) violated
        return messages.stream()
                .anyMatch(x ->
                        x.code == 2116 || x.code == 2112 || x.body.startsWith("Temporal properties were violated"));
    }

    public List<TraceState> trace() {
        List<TraceState> states = new ArrayList<>();
        for (Message x : messages) {
            if (x.code != 2217) continue;
            TraceState t = traceState(x);
            if (t != null) states.add(t);
        }
        return states;
    }

    /** A trace state message (2217) as a state, or null if it has no state head. */
    private static TraceState traceState(Message x) {
        Matcher h = STATE_HEAD.matcher(x.body);
        if (!h.find()) return null;
        String head = h.group(2);
        String action = head.startsWith("Initial predicate") ? "Init" : actionName(head.split(" ")[0]);
        return new TraceState(Integer.parseInt(h.group(1)), action, vars(x.body.substring(h.end())));
    }

    public static Map<String, String> vars(String text) {
        Map<String, String> vars = new LinkedHashMap<>();
        Matcher v = VAR.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (v.find()) {
            spans.add(new int[] {v.start(), v.end()});
            names.add(v.group(1));
        }
        for (int k = 0; k < spans.size(); k++) {
            int end = k + 1 < spans.size() ? spans.get(k + 1)[0] : text.length();
            vars.put(names.get(k), text.substring(spans.get(k)[1], end).strip());
        }
        return vars;
    }

    /** distinct, generated, left on queue; -1 when TLC printed no statistics. */
    /** States a random simulation generated (its last progress report, code 2209 or 2200), or -1. */
    public long simulatedStates() {
        long n = -1;
        for (Message x : messages) {
            if (x.code != 2209 && x.code != 2200) continue;
            Matcher m = Pattern.compile("([0-9][0-9,]*) states generated").matcher(x.body);
            if (m.find()) n = Long.parseLong(m.group(1).replace(",", ""));
        }
        return n;
    }

    public long[] stats() {
        long[] r = {-1, -1, -1};
        for (Message x : messages) {
            if (x.code != 2199) continue;
            Matcher m = STATS.matcher(x.body);
            if (m.find()) {
                r[1] = Long.parseLong(m.group(1).replace(",", ""));
                r[0] = Long.parseLong(m.group(2).replace(",", ""));
                r[2] = Long.parseLong(m.group(3).replace(",", ""));
            }
        }
        return r;
    }

    public int depth() {
        for (Message x : messages) {
            Matcher m = DEPTH.matcher(x.body);
            if (m.find()) return Integer.parseInt(m.group(1));
        }
        return -1;
    }

    /** The protocol action behind a TLC action name: MC.tla's substitute MCX (the mutant's UeSkipReauth) is X. */
    public static String actionName(String tlc) {
        return tlc.length() > 2 && tlc.startsWith("MC") && Character.isUpperCase(tlc.charAt(2))
                ? tlc.substring(2)
                : tlc;
    }

    /** What -coverage counts for an action: the states it found first, and every state it generated. */
    public record Coverage(long found, long generated) {}

    /** Action name (and Init) to its -coverage counts. */
    public Map<String, Coverage> coverage() {
        Map<String, Coverage> c = new LinkedHashMap<>();
        for (Message x : messages) {
            if (x.code != 2772) continue;
            Matcher m = COVERAGE.matcher(x.body);
            if (m.find())
                c.merge(
                        actionName(m.group(1)),
                        new Coverage(Long.parseLong(m.group(2)), Long.parseLong(m.group(3))),
                        (a, b) -> new Coverage(a.found + b.found, a.generated + b.generated));
        }
        return c;
    }

    /** Error text TLC printed (severity 1), one line each, for anything that is not a plain violation. */
    public List<String> errors() {
        List<String> e = new ArrayList<>();
        for (Message x : messages)
            if (x.severity == 1
                    && x.code != 2110
                    && x.code != 2112
                    && x.code != 2116
                    && x.code != 2121
                    && x.code != 2217
                    && x.code != 2122)
                e.add(x.code + ": " + x.body.lines().findFirst().orElse(""));
        return e;
    }
}
