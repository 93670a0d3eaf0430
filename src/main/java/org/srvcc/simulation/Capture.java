package org.srvcc.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.srvcc.procedure.Event;
import org.srvcc.wire.Pcap;
import org.srvcc.wire.Plan;

/**
 * Records the GTPv2-C octets of a run as IPv4/UDP packets between the plan's node addresses,
 * one millisecond apart from the epoch (so the same run gives the same file). The frames hold key
 * material until {@link #wipe}.
 */
public final class Capture implements Consumer<Event.Wire> {
    private final List<Pcap.Frame> frames = new ArrayList<>();

    @Override
    public void accept(Event.Wire w) {
        frames.add(new Pcap.Frame(
                frames.size() * 1000L,
                Plan.Node.valueOf(w.from()).address(),
                Plan.Node.valueOf(w.to()).address(),
                w.octets().clone()));
    }

    public int size() {
        return frames.size();
    }

    public byte[] pcap() {
        return Pcap.write(frames);
    }

    public void wipe() {
        frames.forEach(f -> Arrays.fill(f.payload(), (byte) 0));
        frames.clear();
    }
}
