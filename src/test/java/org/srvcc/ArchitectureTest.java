package org.srvcc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.srvcc.mutants.Mutants;
import org.srvcc.procedure.Options;

/**
 * Imports point down only: cli -> report -> model -> simulation -> mutants -> procedure -> kdf; kdf
 * imports nothing of ours; no package cycles; the nodes know no mutant.
 */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.srvcc");

    static Architectures.LayeredArchitecture layers() {
        return Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("cli").definedBy("org.srvcc.cli..")
            .layer("report").definedBy("org.srvcc.report..")
            .layer("model").definedBy("org.srvcc.model..")
            .layer("simulation").definedBy("org.srvcc.simulation..")
            .layer("mutants").definedBy("org.srvcc.mutants..")
            .layer("procedure").definedBy("org.srvcc.procedure..")
            .layer("kdf").definedBy("org.srvcc.kdf..")
            .layer("wire").definedBy("org.srvcc.wire..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("report").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("model").mayOnlyBeAccessedByLayers("cli", "report")
            .whereLayer("simulation").mayOnlyBeAccessedByLayers("cli", "report", "model")
            .whereLayer("mutants").mayOnlyBeAccessedByLayers("cli", "report", "model", "simulation")
            .whereLayer("procedure").mayOnlyBeAccessedByLayers("cli", "report", "model", "simulation", "mutants")
            .whereLayer("kdf").mayOnlyBeAccessedByLayers("cli", "report", "model", "simulation", "mutants", "procedure")
            .whereLayer("wire").mayOnlyBeAccessedByLayers("cli", "report", "model", "simulation", "mutants", "procedure");
    }

    @Test
    void importsPointDownOnly() {
        layers().check(MAIN);
    }

    /**
     * The nodes read no mutant switch: every Options accessor that org.srvcc.mutants reads is one, and
     * no node (lambdas included) calls any of them. The mutants reach the nodes only through Deviations.
     */
    @Test
    void noNodeReadsAMutantSwitch() {
        Set<String> switches = new TreeSet<>();
        for (var call : MAIN.get(Mutants.class).getMethodCallsFromSelf())
            if (call.getTargetOwner().isEquivalentTo(Options.class)) switches.add(call.getName());
        switches.remove("isMutant");
        Assertions.assertTrue(switches.size() >= 12, "the mutant switches: " + switches);
        for (String sw : switches)   // Mutants.of gives the standard for options isMutant() does not flag: a switch left out would do nothing
            Assertions.assertTrue(Options.STANDARD.with(List.of(sw + "=true")).isMutant(),
                sw + " is read by Mutants but not counted by Options.isMutant()");
        for (String node : List.of("Amf", "Ue", "MmeSrvcc", "MscServer", "Gnb")) {
            for (var call : MAIN.get("org.srvcc.procedure." + node).getMethodCallsFromSelf())
                Assertions.assertFalse(call.getTargetOwner().isEquivalentTo(Options.class)
                    && switches.contains(call.getName()), node + " reads the mutant switch " + call.getName());
        }
    }

    /** A name says which class: no two top-level classes of the product share a simple name. */
    @Test
    void noTwoClassesShareAName() {
        Map<String, List<String>> byName = new TreeMap<>();
        for (var c : MAIN) if (c.isTopLevelClass()) byName.computeIfAbsent(c.getSimpleName(), k -> new ArrayList<>()).add(c.getName());
        byName.values().removeIf(l -> l.size() < 2);
        Assertions.assertTrue(byName.isEmpty(), "shared names: " + byName);
    }

    @Test
    void kdfImportsNothingOfOurs() {
        noClasses().that().resideInAPackage("org.srvcc.kdf..").should().dependOnClassesThat()
            .resideOutsideOfPackages("org.srvcc.kdf..", "java..", "javax..", "org.bouncycastle..").check(MAIN);
    }

    /**
     * Each class reads alone: no source file of the product over 300 lines, its imports not counted, and no
     * fully-qualified name of ours or of the JDK inline in code (an import says it once, at the top).
     */
    @Test
    void sourceFilesReadAlone() throws Exception {
        Pattern inline = Pattern.compile("(?<![\\w.\"])(?:java|javax|org\\.srvcc)\\.(?:[a-z]\\w*\\.)*[A-Z]\\w*");
        List<String> inlined = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                long code = lines.stream().filter(l -> !l.startsWith("import ")).count();
                Assertions.assertTrue(code <= 300, f + " has over 300 lines besides its imports");
                for (String l : lines) {
                    String t = l.strip();
                    if (t.startsWith("import ") || t.startsWith("package ") || t.startsWith("*") || t.startsWith("//") || t.startsWith("/*")) continue;
                    String noStrings = t.replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
                    if (inline.matcher(noStrings).find()) inlined.add(f.getFileName() + ": " + t);
                }
            }
        }
        // the names that must stay qualified: a nested type of the same simple name is in scope
        inlined.removeIf(l -> l.startsWith("Flow.java") && l.contains("org.srvcc.procedure.Step"));
        Assertions.assertEquals(List.of(), inlined, "fully-qualified names inline");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.srvcc.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
