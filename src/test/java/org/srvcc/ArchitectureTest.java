package org.srvcc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.ClassReader;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.ClassVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Label;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.MethodVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Opcodes;
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
 * Imports point down only: cli -> report -> conformance -> model -> tlc -> simulation -> mutants -> procedure
 * -> kdf -> wire -> files; no package cycles; the nodes know no mutant.
 */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.srvcc");

    /** From the top: each layer may use only the layers below it; kdf and wire import nothing of the project's. */
    static final List<String> LAYERS = List.of(
            "cli",
            "report",
            "conformance",
            "model",
            "tlc",
            "simulation",
            "mutants",
            "procedure",
            "kdf",
            "wire",
            "files");

    static Architectures.LayeredArchitecture layers() {
        Architectures.LayeredArchitecture a =
                Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String l : LAYERS) a = a.layer(l).definedBy("org.srvcc." + l + "..");
        a = a.whereLayer("cli").mayNotBeAccessedByAnyLayer();
        for (int i = 1; i < LAYERS.size(); i++)
            a = a.whereLayer(LAYERS.get(i))
                    .mayOnlyBeAccessedByLayers(LAYERS.subList(0, i).toArray(String[]::new));
        return a;
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
        for (String sw :
                switches) // Mutants.of gives the standard for options isMutant() does not flag: a switch left out would
            // do nothing
            Assertions.assertTrue(
                    Options.STANDARD.with(List.of(sw + "=true")).isMutant(),
                    sw + " is read by Mutants but not counted by Options.isMutant()");
        for (String node : List.of("Amf", "Ue", "MmeSrvcc", "MscServer", "Gnb")) {
            for (var call : MAIN.get("org.srvcc.procedure." + node).getMethodCallsFromSelf())
                Assertions.assertFalse(
                        call.getTargetOwner().isEquivalentTo(Options.class) && switches.contains(call.getName()),
                        node + " reads the mutant switch " + call.getName());
        }
    }

    /** A name says which class: no two top-level classes of the product share a simple name. */
    @Test
    void noTwoClassesShareAName() {
        Map<String, List<String>> byName = new TreeMap<>();
        for (var c : MAIN)
            if (c.isTopLevelClass())
                byName.computeIfAbsent(c.getSimpleName(), k -> new ArrayList<>())
                        .add(c.getName());
        byName.values().removeIf(l -> l.size() < 2);
        Assertions.assertTrue(byName.isEmpty(), "shared names: " + byName);
    }

    @Test
    void kdfImportsNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("org.srvcc.kdf..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("org.srvcc.kdf..", "java..", "javax..", "org.bouncycastle..")
                .check(MAIN);
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
                for (String l : lines) {
                    String t = l.strip();
                    if (t.startsWith("import ")
                            || t.startsWith("package ")
                            || t.startsWith("*")
                            || t.startsWith("//")
                            || t.startsWith("/*")) continue;
                    String noStrings = t.replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
                    if (inline.matcher(noStrings).find()) inlined.add(f.getFileName() + ": " + t);
                }
            }
        }
        // the names that must stay qualified: a nested type of the same simple name is in scope
        inlined.removeIf(l -> l.startsWith("Flow.java") && l.contains("org.srvcc.procedure.Step"));
        Assertions.assertEquals(List.of(), inlined, "fully-qualified names inline");
    }

    /** Lines of at most 120 characters, main and test alike (palantir-java-format keeps the rest; see pom.xml). */
    @Test
    void linesFitIn120Characters() throws Exception {
        List<String> long_ = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java"))
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++)
                        if (lines.get(i).length() > 120) long_.add(f.getFileName() + ":" + (i + 1));
                }
            }
        Assertions.assertEquals(List.of(), long_, "lines over 120 characters");
    }

    /** Methods of at most 60 lines (from the first to the last line with code, lambdas' bodies counted apart). */
    @Test
    void methodsFitIn60Lines() throws Exception {
        Map<String, Integer> over = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("target/classes/org/srvcc"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                ClassReader r = new ClassReader(Files.readAllBytes(f));
                String owner = r.getClassName().substring(r.getClassName().lastIndexOf('/') + 1);
                r.accept(
                        new ClassVisitor(Opcodes.ASM9) {
                            @Override
                            public MethodVisitor visitMethod(
                                    int access, String name, String desc, String sig, String[] ex) {
                                // constructors and static initializers carry the field and table initializers' lines
                                if ((access & Opcodes.ACC_SYNTHETIC) != 0 || name.startsWith("<")) return null;
                                return new MethodVisitor(Opcodes.ASM9) {
                                    int first = Integer.MAX_VALUE, last = -1;

                                    @Override
                                    public void visitLineNumber(int line, Label start) {
                                        first = Math.min(first, line);
                                        last = Math.max(last, line);
                                    }

                                    @Override
                                    public void visitEnd() {
                                        if (last - first + 1 > 60)
                                            over.merge(owner + "." + name, last - first + 1, Math::max);
                                    }
                                };
                            }
                        },
                        0);
            }
        }
        List<String> long_ = new ArrayList<>();
        over.forEach((m, n) -> long_.add(m + " " + n + " lines"));
        Assertions.assertEquals(List.of(), long_, "methods over 60 lines");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.srvcc.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
