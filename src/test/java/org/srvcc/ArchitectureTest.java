package org.srvcc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

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
        java.util.Set<String> switches = new java.util.TreeSet<>();
        for (var call : MAIN.get(org.srvcc.mutants.Mutants.class).getMethodCallsFromSelf())
            if (call.getTargetOwner().isEquivalentTo(org.srvcc.procedure.Options.class)) switches.add(call.getName());
        switches.remove("isMutant");
        org.junit.jupiter.api.Assertions.assertTrue(switches.size() >= 12, "the mutant switches: " + switches);
        for (String sw : switches)   // Mutants.of gives the standard for options isMutant() does not flag: a switch left out would do nothing
            org.junit.jupiter.api.Assertions.assertTrue(org.srvcc.procedure.Options.STANDARD.with(java.util.List.of(sw + "=true")).isMutant(),
                sw + " is read by Mutants but not counted by Options.isMutant()");
        for (String node : java.util.List.of("Amf", "Ue", "MmeSrvcc", "MscServer", "Gnb")) {
            for (var call : MAIN.get("org.srvcc.procedure." + node).getMethodCallsFromSelf())
                org.junit.jupiter.api.Assertions.assertFalse(call.getTargetOwner().isEquivalentTo(org.srvcc.procedure.Options.class)
                    && switches.contains(call.getName()), node + " reads the mutant switch " + call.getName());
        }
    }

    /** A name says which class: no two top-level classes of the product share a simple name. */
    @Test
    void noTwoClassesShareAName() {
        java.util.Map<String, java.util.List<String>> byName = new java.util.TreeMap<>();
        for (var c : MAIN) if (c.isTopLevelClass()) byName.computeIfAbsent(c.getSimpleName(), k -> new java.util.ArrayList<>()).add(c.getName());
        byName.values().removeIf(l -> l.size() < 2);
        org.junit.jupiter.api.Assertions.assertTrue(byName.isEmpty(), "shared names: " + byName);
    }

    @Test
    void kdfImportsNothingOfOurs() {
        noClasses().that().resideInAPackage("org.srvcc.kdf..").should().dependOnClassesThat()
            .resideOutsideOfPackages("org.srvcc.kdf..", "java..", "javax..", "org.bouncycastle..").check(MAIN);
    }

    /** Each class reads alone: no source file of the product over 300 lines. */
    @Test
    void noMainSourceFileOverThreeHundredLines() throws Exception {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList())
                org.junit.jupiter.api.Assertions.assertTrue(java.nio.file.Files.readAllLines(f).size() <= 300, f + " has over 300 lines");
        }
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.srvcc.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
