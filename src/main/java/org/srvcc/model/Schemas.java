package org.srvcc.model;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.srvcc.files.Json;
import org.srvcc.procedure.Options;

/**
 * The JSON Schemas shipped in src/main/resources/schema (the manifest, one NDJSON trace line):
 * the documentation other tools write against, and the check untrusted input passes first.
 * Problems come back one line each, naming the model and field where they can.
 */
public final class Schemas {
    private Schemas() {}

    /** A file that fails its schema: every problem, one line each. */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        public final List<String> problems;

        Invalid(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }
    }

    static {
        // the validator logs through SLF4J; with no binding, SLF4J's own three-line notice would
        // break "one line on stderr" for bad input
        if (System.getProperty("slf4j.internal.verbosity") == null)
            System.setProperty("slf4j.internal.verbosity", "ERROR");
    }

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    public static final Schema MANIFEST = load("manifest.schema.json");
    public static final Schema TRACE_LINE = load("trace.schema.json");
    public static final Schema FINDINGS = load("findings.schema.json");

    private static Schema load(String name) {
        try (InputStream in = Schemas.class.getResourceAsStream("/schema/" + name)) {
            if (in == null) throw new IllegalStateException("schema " + name + " missing from the jar");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return REGISTRY.getSchema(name.equals("manifest.schema.json") ? withOptions(text) : text, InputFormat.JSON);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema " + name, e);
        }
    }

    /** The manifest schema with one property per design option and mutant switch, from the table in Options. */
    @SuppressWarnings("unchecked")
    static String withOptions(String schemaText) {
        Map<String, Object> schema = (Map<String, Object>) Json.parse(schemaText);
        Map<String, Object> constants =
                (Map<String, Object>) ((Map<String, Object>) schema.get("$defs")).get("constants");
        Map<String, Object> props = (Map<String, Object>) constants.get("properties");
        Options.choices()
                .forEach((name, values) -> props.put(
                        name,
                        values.equals(List.of("true", "false"))
                                ? Map.of("type", "boolean")
                                : Map.of(
                                        "enum",
                                        values.stream()
                                                .map(v -> v.matches("\\d+") ? (Object) Long.parseLong(v) : v)
                                                .toList())));
        constants.put("additionalProperties", false);
        return Json.write(schema);
    }

    /**
     * Checks a manifest's text: strict JSON first (Json.parse), then the schema. Throws Invalid with
     * one line per problem, e.g. "manifest: model 'X' /name: does not match the regex pattern ...".
     */
    public static Map<String, Object> manifest(String what, String text) {
        return validated(MANIFEST, "models", "name", "model", what, text);
    }

    /** Checks the findings ledger's text the same way; a problem names the finding by its id. */
    public static Map<String, Object> findings(String what, String text) {
        return validated(FINDINGS, "findings", "id", "finding", what, text);
    }

    /** Strict JSON, then the schema; a problem inside the list {@code list} names its item by {@code key}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> validated(
            Schema schema, String list, String key, String label, String what, String text) {
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Invalid(List.of(what + ": " + e.getMessage()));
        }
        List<Error> errors = schema.validate(text, InputFormat.JSON);
        if (errors.isEmpty()) return (Map<String, Object>) parsed;
        List<Object> items =
                parsed instanceof Map<?, ?> m && m.get(list) instanceof List<?> l ? (List<Object>) l : List.of();
        Pattern index = Pattern.compile("^/" + list + "/(\\d+)(.*)$");
        List<String> problems = new ArrayList<>();
        for (Error e : errors) {
            String loc = pointer(e);
            Matcher x = index.matcher(loc);
            if (x.matches()) {
                int i = Integer.parseInt(x.group(1));
                Object name = i < items.size() && items.get(i) instanceof Map<?, ?> mm ? mm.get(key) : null;
                loc = label + " " + (name instanceof String s ? "'" + printable(s) + "'" : "#" + (i + 1)) + " "
                        + (x.group(2).isEmpty() ? "/" : x.group(2));
            }
            problems.add(what + ": " + (loc.isEmpty() ? "/" : loc) + ": "
                    + printable(e.getMessage().replaceFirst("^\\S+: ", "")));
        }
        throw new Invalid(problems);
    }

    /** Checks a set of model constants against the manifest schema's ranges, one line per problem. */
    public static void constants(Map<String, Object> constants) {
        Map<String, Object> wrapper = new LinkedHashMap<>();
        wrapper.put("module", "MC");
        wrapper.put("spec", "spec/Srvcc.tla");
        wrapper.put("defaults", constants);
        wrapper.put("models", List.of(Map.of("name", "x", "group", "large", "row", "r", "expect", Map.of())));
        manifest("--set", Json.write(wrapper));
    }

    /** The problems of one NDJSON trace line (empty when it conforms). */
    public static List<String> traceLine(String line) {
        List<String> p = new ArrayList<>();
        for (Error e : TRACE_LINE.validate(line, InputFormat.JSON))
            p.add(pointer(e) + ": " + printable(e.getMessage()));
        return p;
    }

    private static String pointer(Error e) {
        String s =
                e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
        // "$.models[0].name" -> "/models/0/name"
        return s.replaceFirst("^\\$", "").replaceAll("\\[(\\d+)\\]", "/$1").replace('.', '/');
    }

    static String printable(String s) {
        return printable(s, 300);
    }

    /**
     * Untrusted text for a one-line message: control characters, line breaks and the bidirectional
     * controls that reorder what a terminal shows (U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) as
     * escapes, at most max characters.
     */
    public static String printable(String s, int max) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray())
            b.append(
                    c < 0x20
                                    || c >= 0x7f && c < 0xa0
                                    || c == '\u2028'
                                    || c == '\u2029'
                                    || c == '\u200e'
                                    || c == '\u200f'
                                    || c >= '\u202a' && c <= '\u202e'
                                    || c >= '\u2066' && c <= '\u2069'
                            ? String.format("\\u%04x", (int) c)
                            : String.valueOf(c));
        return b.length() > max ? b.substring(0, max) + "..." : b.toString();
    }

    /**
     * Text from a manifest for Markdown and HTML pages: square brackets become look-alikes, so no link or image
     * syntax ({@code [x](...)}, {@code ![t](...)}) survives into a page, whatever the text says.
     */
    public static String plainText(String s) {
        return s.replace('[', '\uFF3B').replace(']', '\uFF3D');
    }
}
