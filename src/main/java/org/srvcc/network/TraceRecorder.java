package org.srvcc.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.srvcc.model.Json;
import org.srvcc.procedure.Message;
import org.srvcc.procedure.Srvcc;
import org.srvcc.procedure.Step;

/**
 * A run as NDJSON: a header line with the setup, then one line per step with the node, the
 * model action, the messages it sent and the abstract state (keys as terms, never bytes).
 */
public final class TraceRecorder {
    private TraceRecorder() {}

    public static List<String> lines(Setup setup, List<Step> steps) {
        List<String> out = new ArrayList<>();
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("setup", setup.text());
        head.put("profile", setup.profile().toString());
        head.put("options", setup.options().asMap());
        Srvcc s = setup.start();
        head.put("state", s.abstractState());
        out.add(Json.write(head));
        int n = 1;
        for (Step st : steps) {
            s.apply(st);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("step", n++);
            e.put("node", st.action().node());
            e.put("action", st.action().name());
            e.put("ue", st.ue());
            e.put("choice", st.choice());
            List<Object> msgs = new ArrayList<>();
            for (Message m : s.lastSent()) msgs.add(FlowPrinter.describe(m));
            e.put("msg", msgs);
            e.put("state", s.abstractState());
            out.add(Json.write(e));
        }
        return out;
    }
}
