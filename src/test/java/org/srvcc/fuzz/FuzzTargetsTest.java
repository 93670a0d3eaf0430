package org.srvcc.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.srvcc.files.Json;
import org.srvcc.model.Manifest;
import org.srvcc.model.Schemas;
import org.srvcc.wire.DecodeException;
import org.srvcc.wire.FieldView;
import org.srvcc.wire.Gtpv2Message;
import org.srvcc.wire.Pcap;

/**
 * Jazzer targets for every reader of outside input. Under `mvn verify` each runs its seed corpus
 * (src/test/resources/org/srvcc/fuzz/FuzzTargetsTestInputs/<target>/, plus any crash Jazzer saved
 * there); tools/fuzz.sh fuzzes each for N minutes. The only exception a reader may throw on bad
 * input is its documented one: anything else (an index error, a ClassCastException) is a finding.
 */
class FuzzTargetsTest {
    @FuzzTest(maxDuration = "10m")
    void gtpv2(byte[] data) {
        try {
            Gtpv2Message m = Gtpv2Message.decode(data);
            assertNotNull(m.name());
            m.wipe();
        } catch (DecodeException expected) {
            assertNotNull(expected.getMessage());
        }
    }

    @FuzzTest(maxDuration = "10m")
    void pcap(byte[] data) {
        try {
            Pcap.read(data);
            FieldView.view(data, Pcap.GTP_C_PORT); // the packets' GTPv2-C payloads too
        } catch (DecodeException expected) {
            assertNotNull(expected.getMessage());
        }
    }

    @FuzzTest(maxDuration = "10m")
    void traceLines(byte[] data) {
        for (String line : new String(data, StandardCharsets.UTF_8).split("\n", 64)) {
            try {
                Json.parse(line);
                Schemas.traceLine(line);
            } catch (IllegalArgumentException expected) {
                assertNotNull(expected.getMessage());
            }
        }
    }

    @FuzzTest(maxDuration = "10m")
    void manifest(byte[] data) {
        try {
            new Manifest(Path.of("."), new String(data, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException expected) {
            assertNotNull(expected.getMessage());
        }
    }
}
