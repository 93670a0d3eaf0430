package org.srvcc.procedure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How a node states an action: the method returns the ways it can be taken now (empty when the
 * guard is false), each a Runnable that performs the effect. Guard and effect stay together.
 */
final class Actions {
    private Actions() {}

    static final List<Runnable> NONE = List.of();

    static List<Runnable> when(boolean guard, Runnable effect) {
        return guard ? List.of(effect) : NONE;
    }

    /** One way per candidate (which message in flight, which queue position). */
    static <T> List<Runnable> each(List<T> candidates, Consumer<T> effect) {
        List<Runnable> l = new ArrayList<>(candidates.size());
        for (T c : candidates) l.add(() -> effect.accept(c));
        return l;
    }
}
