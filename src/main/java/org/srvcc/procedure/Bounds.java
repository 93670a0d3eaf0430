package org.srvcc.procedure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Limits a run shares with model-checks/MC.tla's constants: attempts per UE, DL NAS COUNT, KAMF
 * identities (authentications), network faults, downlink reorderings, attacker replays, and
 * whether the UE may receive or miss one run of DL NAS messages (to reach past the LSB window), and
 * whether the AMF may also derive K'ASME for EPS (a handover preparation, an idle-mobility transfer).
 */
public record Bounds(
        int ues,
        int maxAttempts,
        int maxCount,
        int maxKamf,
        int maxFaults,
        int maxReorders,
        int maxReplays,
        boolean nasRunsReceived,
        boolean nasRunsMissed,
        boolean epsMobility) {
    public Bounds {
        // upper limits far above any model or run, so that a crafted scenario cannot ask for a heap of UEs
        if (ues < 1
                || ues > MAX
                || maxAttempts < 0
                || maxAttempts > MAX
                || maxCount < 0
                || maxCount > 0xFFFFFF
                || maxKamf < ues
                || maxKamf > MAX * MAX
                || maxFaults < 0
                || maxFaults > MAX
                || maxReorders < 0
                || maxReorders > MAX
                || maxReplays < 0
                || maxReplays > MAX) throw new IllegalArgumentException("bounds out of range: " + this);
    }

    /** The largest number of UEs, attempts, faults, reorders or replays a setup may name. */
    public static final int MAX = 64;

    /**
     * Bounds for {@code ues} UEs that allow nothing yet (no attempt, COUNT 0, each UE's own KAMF only); the named
     * withers add.
     */
    public static Bounds of(int ues) {
        return new Bounds(ues, 0, 0, ues, 0, 0, 0, false, false, false);
    }

    public Bounds attempts(int n) {
        return new Bounds(
                ues,
                n,
                maxCount,
                maxKamf,
                maxFaults,
                maxReorders,
                maxReplays,
                nasRunsReceived,
                nasRunsMissed,
                epsMobility);
    }

    public Bounds count(int n) {
        return new Bounds(
                ues,
                maxAttempts,
                n,
                maxKamf,
                maxFaults,
                maxReorders,
                maxReplays,
                nasRunsReceived,
                nasRunsMissed,
                epsMobility);
    }

    public Bounds kamf(int n) {
        return new Bounds(
                ues,
                maxAttempts,
                maxCount,
                n,
                maxFaults,
                maxReorders,
                maxReplays,
                nasRunsReceived,
                nasRunsMissed,
                epsMobility);
    }

    public Bounds faults(int n) {
        return new Bounds(
                ues,
                maxAttempts,
                maxCount,
                maxKamf,
                n,
                maxReorders,
                maxReplays,
                nasRunsReceived,
                nasRunsMissed,
                epsMobility);
    }

    public Bounds reorders(int n) {
        return new Bounds(
                ues,
                maxAttempts,
                maxCount,
                maxKamf,
                maxFaults,
                n,
                maxReplays,
                nasRunsReceived,
                nasRunsMissed,
                epsMobility);
    }

    public Bounds replays(int n) {
        return new Bounds(
                ues,
                maxAttempts,
                maxCount,
                maxKamf,
                maxFaults,
                maxReorders,
                n,
                nasRunsReceived,
                nasRunsMissed,
                epsMobility);
    }

    /** Whether the UE may receive (and miss) one run of DL NAS messages, to reach past the LSB window. */
    public Bounds nasRuns(boolean received, boolean missed) {
        return new Bounds(
                ues, maxAttempts, maxCount, maxKamf, maxFaults, maxReorders, maxReplays, received, missed, epsMobility);
    }

    /** The same bounds with the AMF's EPS derivations (MC.tla's EpsMobility) switched on or off. */
    public Bounds withEpsMobility(boolean on) {
        return new Bounds(
                ues,
                maxAttempts,
                maxCount,
                maxKamf,
                maxFaults,
                maxReorders,
                maxReplays,
                nasRunsReceived,
                nasRunsMissed,
                on);
    }

    /** MC.tla's CountCap: the COUNT below which a handover may start. */
    int countCap(int mod) {
        return maxCount + (nasRunsReceived || nasRunsMissed ? 2 * mod : 0);
    }

    /** Each bound's name (the record component's) and value as text, in the record's order. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            for (RecordComponent c : Bounds.class.getRecordComponents())
                m.put(c.getName(), String.valueOf(c.getAccessor().invoke(this)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    /**
     * Bounds from named values; {@code ues} is required, every other bound defaults to {@link #of(int)}'s. Unknown
     * names, malformed values and out-of-range bounds are refused with a one-line message.
     */
    public static Bounds fromMap(Map<String, String> named) {
        String u = named.get("ues");
        if (u == null) throw new IllegalArgumentException("bounds need ues=N");
        Map<String, String> m = of(number("ues", u)).asMap();
        for (Map.Entry<String, String> e : named.entrySet()) {
            if (!m.containsKey(e.getKey()))
                throw new IllegalArgumentException(
                        "unknown bound '" + e.getKey() + "' (known: " + String.join(", ", m.keySet()) + ")");
            m.put(e.getKey(), e.getValue());
        }
        RecordComponent[] cs = Bounds.class.getRecordComponents();
        Object[] args = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        for (int i = 0; i < cs.length; i++) {
            String k = cs[i].getName(), v = m.get(k);
            types[i] = cs[i].getType();
            if (types[i] == boolean.class) {
                if (!v.equals("true") && !v.equals("false"))
                    throw new IllegalArgumentException("bound " + k + "=" + v + " must be true or false");
                args[i] = Boolean.parseBoolean(v);
            } else args[i] = number(k, v);
        }
        try {
            return Bounds.class.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            throw (IllegalArgumentException) e.getCause();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int number(String name, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bound " + name + "=" + v + " is not a whole number");
        }
    }
}
