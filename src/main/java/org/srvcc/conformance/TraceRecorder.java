package org.srvcc.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.srvcc.files.Json;
import org.srvcc.model.Flow;
import org.srvcc.model.Mapping;
import org.srvcc.procedure.Srvcc;
import org.srvcc.procedure.Step;
import org.srvcc.simulation.Setup;

/**
 * A run as NDJSON: a header line with the setup, then one line per step with the node, the
 * model action, the messages it sent and the abstract state (keys as terms, never bytes). Fed
 * state by state while the run happens, so the run is not repeated for its trace.
 */
public final class TraceRecorder implements Consumer<Srvcc> {
    private final List<Map<String, Object>> states = new ArrayList<>();
    private final Setup setup;
    private final Map<String, Object> initial;

    public TraceRecorder(Setup setup) {
        this.setup = setup;
        this.initial = Mapping.state(setup.start());
    }

    @Override
    public void accept(Srvcc s) {
        states.add(Mapping.state(s));
    }

    /** The NDJSON lines for these steps and flow (recorded from the same run). */
    public List<String> lines(List<Step> steps, Flow flow) {
        List<String> out = new ArrayList<>();
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("setup", setup.text());
        head.put("profile", setup.profile().toString());
        head.put("options", setup.options().asMap());
        head.put(
                "keys",
                "simulation KAMFs are SHA-256 of the seed in 'setup': reproducible and NOT secret; key values never "
                        + "appear here, only terms");
        head.put("state", initial);
        out.add(Json.write(head));
        for (int i = 0; i < steps.size(); i++) {
            Step st = steps.get(i);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("step", i + 1);
            e.put("node", st.action().node());
            e.put("action", st.action().name());
            e.put("ue", st.ue());
            e.put("choice", st.choice());
            e.put("msg", Flow.lines(flow.steps().get(i)));
            e.put("state", states.get(i));
            out.add(Json.write(e));
        }
        return out;
    }
}
