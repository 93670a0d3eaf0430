package org.srvcc.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.srvcc.procedure.Drive.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.srvcc.kdf.KeyLedger;
import org.srvcc.mutants.Mutants;

/**
 * A copy's wire scan looks for the copy's own KAMFs: with the original's keys destroyed, the copy still finds the
 * KAMF that the amfSendsKamf mutant puts on N26 (the replay destroys a state's keys once its edges are walked).
 */
class CopyWireScanTest {
    @Test
    void aCopyScansTheWireForItsOwnKamfs() {
        long base = KeyLedger.live();
        Options o = Options.STANDARD.with(List.of("amfSendsKamf=true"));
        Srvcc original = new Srvcc(
                Profile.TS33501, o, Mutants.of(o), B, Set.of(), Set.of(), Set.of(), Capabilities.NONE, 1, null);
        step(original, Action.GnbSendHandoverRequired);
        Srvcc copy = original.copy();
        original.destroyKeys();
        step(copy, Action.AmfStartSrvcc); // the Forward Relocation Request carries KAMF itself
        List<String> leaks = copy.evidence.wireLeaks();
        assertEquals(2, leaks.size(), leaks.toString()); // the AMF's and the UE's handle on the same KAMF
        assertTrue(
                leaks.get(0).contains("the AMF's KAMF1") && leaks.get(1).contains("the UE's KAMF1"), leaks.toString());
        copy.destroyKeys();
        assertEquals(base, KeyLedger.live(), "the copy's handles destroyed with it");
    }
}
