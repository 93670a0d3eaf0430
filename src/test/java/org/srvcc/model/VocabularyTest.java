package org.srvcc.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.srvcc.procedure.Action;
import org.srvcc.procedure.Invariants;
import org.srvcc.procedure.Message;
import org.srvcc.procedure.Options;

/** The model and the code use one vocabulary: actions, messages, invariants and options. */
class VocabularyTest {
    static String spec() throws Exception {
        return Files.readString(Path.of("spec/Srvcc.tla"));
    }

    @Test
    void actionsAreTheModelsActions() throws Exception {
        String next = spec().substring(spec().indexOf("Progress(u) =="), spec().indexOf("Spec == Init"));
        Set<String> model = new TreeSet<>();
        Matcher m = Pattern.compile("\\\\/ (\\w+)\\(u\\)").matcher(next);
        while (m.find()) model.add(m.group(1));
        model.add("MscRestart");
        model.remove("Progress");
        model.remove("Environment");
        model.removeIf(a -> a.equals("ProgressNoTimers"));
        Set<String> java = new TreeSet<>();
        for (Action a : Action.values()) java.add(a.name());
        assertEquals(model, java);
    }

    @Test
    void messageTypesInvariantsAndOptionsAppearInTheModel() throws Exception {
        String spec = spec();
        for (Message.Type t : Message.Type.values()) assertTrue(spec.contains("\"" + t.name() + "\""), t.name());
        for (String inv : Invariants.ALL.keySet()) assertTrue(spec.contains("\n" + inv + " =="), inv);
        String constants = spec.substring(spec.indexOf("CONSTANTS"), spec.indexOf("Places =="));
        for (String opt : Options.STANDARD.asMap().keySet()) assertTrue(constants.contains(opt + ","), opt);
        String readme = Files.readString(Path.of("README.md"));
        for (String inv : Invariants.ALL.keySet()) if (!inv.equals("TypeOK")) assertTrue(readme.contains(inv), "README misses " + inv);
    }
}
