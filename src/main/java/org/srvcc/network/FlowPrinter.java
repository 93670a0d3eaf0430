package org.srvcc.network;

import java.util.ArrayList;
import java.util.List;
import org.srvcc.procedure.Message;
import org.srvcc.procedure.Srvcc;
import org.srvcc.procedure.Step;

/** Prints a run as a numbered message flow: step, action, and "from -> to: message" lines. */
public final class FlowPrinter {
    private FlowPrinter() {}

    public record Line(int number, Step step, List<String> sent) {}

    public static List<Line> lines(Setup setup, List<Step> steps) {
        Srvcc s = setup.start();
        List<Line> out = new ArrayList<>();
        int n = 1;
        for (Step st : steps) {
            s.apply(st);
            List<String> sent = new ArrayList<>();
            for (Message m : s.lastSent())
                sent.add(m.type().from(setup.profile()) + " -> " + m.type().to(setup.profile()) + ": " + describe(m));
            out.add(new Line(n++, st, sent));
        }
        return out;
    }

    public static String describe(Message m) {
        StringBuilder b = new StringBuilder(m.type().name()).append("(ue ").append(m.ue());
        if (m.att() > 0) b.append(", att ").append(m.att());
        if (m instanceof Message.ForwardRelocationRequest f) b.append(", ").append(f.kasme().term()).append(", eKSI ").append(f.ksi());
        if (m instanceof Message.PsToCsRequest p) b.append(", CK||IK=").append(p.keys().source()).append(", KSI ").append(p.ksi());
        if (m instanceof Message.HoCmd h) b.append(", COUNT LSBs ").append(h.lsb()).append(", KSI ").append(h.ksi());
        if (m instanceof Message.Nas n) b.append(", COUNT ").append(n.count());
        if (m instanceof Message.Answer a) b.append(a.ok() ? ", accept" : ", reject");
        if (m.copy() == 2) b.append(", duplicate");
        if (m.copy() == 3) b.append(", REPLAYED");
        return b.append(')').toString();
    }

    public static String render(Setup setup, List<Step> steps, String violated) {
        StringBuilder b = new StringBuilder();
        for (Line l : lines(setup, steps)) {
            String head = String.format("%3d. %-40s", l.number(), l.step());
            if (l.sent().isEmpty()) b.append(head.stripTrailing()).append('\n');
            for (int i = 0; i < l.sent().size(); i++)
                b.append(i == 0 ? head : " ".repeat(head.length())).append(l.sent().get(i)).append('\n');
        }
        if (violated != null) b.append("     => ").append(violated).append(" violated after step ").append(steps.size()).append('\n');
        return b.toString();
    }
}
