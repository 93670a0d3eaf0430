package org.srvcc.procedure;

/**
 * One step: an action for a UE, and which of the candidates it takes (which message in flight,
 * which downlink position); {@code choice} is 0 when there is only one way.
 */
public record Step(Action action, int ue, int choice) {
    @Override
    public String toString() {
        return action + "(" + ue + (choice != 0 ? ", #" + choice : "") + ")";
    }

    public static Step parse(String s) {
        int p = s.indexOf('('), q = s.lastIndexOf(')');
        if (p < 0 || q < p) throw new IllegalArgumentException("step '" + s + "' is not Action(ue[, #k])");
        String[] args = s.substring(p + 1, q).split(",");
        int choice = args.length > 1 ? Integer.parseInt(args[1].trim().replace("#", "")) : 0;
        return new Step(Action.valueOf(s.substring(0, p).trim()), Integer.parseInt(args[0].trim()), choice);
    }
}
