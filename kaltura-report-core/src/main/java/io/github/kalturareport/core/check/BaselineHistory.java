package io.github.kalturareport.core.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.kalturareport.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A previous check run's {@code summary.json} as the history of the rules' quantities: one earlier run, read once,
 * streaming, keeping only the values of the quantities the current rules measure. It records nothing.
 */
final class BaselineHistory implements RuleHistory {

    /** The first {@code summary.json} schema whose results carry their quantity key. */
    static final int FIRST_SCHEMA_WITH_KEYS = 2;
    /** The newest schema this version reads: the one {@code core.check.output}'s JSON summary writes. */
    static final int SUPPORTED_SCHEMA = 2;
    static final String PARAMETER = "baseline";

    private final Instant runAt;
    /** Quantity key to group ("" for the whole report) to value. */
    private final Map<String, Map<String, Double>> values;

    private BaselineHistory(Instant runAt, Map<String, Map<String, Double>> values) {
        this.runAt = runAt;
        this.values = values;
    }

    /**
     * Reads the values of the given quantities.
     *
     * @throws ConfigurationException when the file is missing, unreadable, not a summary.json, or of a schema
     *                                without quantity keys
     */
    static BaselineHistory read(Path file, Set<String> quantityKeys)
            throws ConfigurationException {
        String use = " Set baseline to the summary.json of an earlier check run (in its check folder, or downloaded"
                + " from the last CI build), or leave it out.";
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException(PARAMETER, "The baseline " + file + (Files.isDirectory(file)
                    ? " is a folder, not a file." : " does not exist.") + use);
        }
        Integer schema = null;
        Instant generatedAt = null;
        Map<String, Map<String, Double>> values = new HashMap<>();
        boolean keys = true;
        try (JsonParser json = new JsonFactory().createParser(file.toFile())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw notSummary(file, "it is not a JSON object", use);
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("schemaVersion") && value == JsonToken.VALUE_NUMBER_INT) {
                    schema = json.getIntValue();
                } else if (field.equals("generatedAt") && value == JsonToken.VALUE_STRING) {
                    generatedAt = Instant.parse(json.getText());
                } else if (field.equals("results") && value == JsonToken.START_ARRAY) {
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        keys &= result(json, quantityKeys, values);
                    }
                } else {
                    json.skipChildren();
                }
            }
        } catch (IOException | DateTimeParseException e) {
            throw notSummary(file, "it cannot be read as one: " + e.getMessage().lines().findFirst().orElse(""), use);
        }
        if (schema == null || generatedAt == null) {
            throw notSummary(file, "it has no " + (schema == null ? "schemaVersion" : "generatedAt"), use);
        }
        if (schema < FIRST_SCHEMA_WITH_KEYS || !keys) {
            throw new ConfigurationException(PARAMETER, "The baseline " + file + " is a summary.json of schemaVersion "
                    + schema + ", written before its results carried their quantity keys, so it cannot give previous"
                    + " values. Run the check once with this version and use the summary.json it writes as the"
                    + " baseline of the next run, or leave baseline out.");
        }
        if (schema > SUPPORTED_SCHEMA) {
            throw new ConfigurationException(PARAMETER, "The baseline " + file + " is a summary.json of schemaVersion "
                    + schema + ", newer than this version reads (" + SUPPORTED_SCHEMA + "). Use this version's"
                    + " summary.json, or update the plugin.");
        }
        return new BaselineHistory(generatedAt, values);
    }

    /** One result object: keeps its value when its quantity is wanted; false when it has no quantity key. */
    private static boolean result(JsonParser json, Set<String> wanted, Map<String, Map<String, Double>> values)
            throws IOException {
        String key = null;
        String group = null;
        Double actual = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "quantityKey" -> key = value == JsonToken.VALUE_STRING ? json.getText() : null;
                case "group" -> group = value == JsonToken.VALUE_STRING ? json.getText() : null;
                case "actual" -> actual = value.isNumeric() ? json.getDoubleValue() : null;
                default -> json.skipChildren();
            }
        }
        if (key != null && actual != null && wanted.contains(key)) {
            // A plain and a vs previous rule on one quantity have the same value: the first is kept.
            values.computeIfAbsent(key, k -> new HashMap<>()).putIfAbsent(group == null ? "" : group, actual);
        }
        return key != null;
    }

    private static ConfigurationException notSummary(Path file, String why, String use) {
        return new ConfigurationException(PARAMETER, "The baseline " + file + " is not a check's summary.json: "
                + why + "." + use);
    }

    @Override
    public Map<String, Double> previous(String quantityKey) {
        return values.getOrDefault(quantityKey, Map.of());
    }

    @Override
    public List<Point> series(String quantityKey, String group, int limit) {
        Double value = previous(quantityKey).get(group);
        return value == null || limit < 1 ? List.of() : List.of(new Point(runAt, value));
    }

    @Override
    public void record(Run run, List<Entry> results) {
        // A baseline is a file from another build: this run's own summary.json is the next run's baseline.
    }
}
