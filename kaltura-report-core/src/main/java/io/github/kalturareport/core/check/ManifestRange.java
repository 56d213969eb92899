package io.github.kalturareport.core.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The range of the data a check reads, from the fetch's {@code manifest.json} beside the CSVs, when there is one. */
final class ManifestRange {

    static final String FILE = "manifest.json";

    private ManifestRange() {
    }

    /** A run at {@code runAt} over the manifest's range, or without a range when there is no readable manifest. */
    static RuleHistory.Run run(Path inputDirectory, Instant runAt) {
        Path manifest = inputDirectory.resolve(FILE);
        String from = null;
        String to = null;
        if (Files.isRegularFile(manifest)) {
            try (JsonParser json = new JsonFactory().createParser(manifest.toFile())) {
                if (json.nextToken() == JsonToken.START_OBJECT) {
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String field = json.currentName();
                        if (json.nextToken() == JsonToken.START_OBJECT && field.equals("range")) {
                            while (json.nextToken() == JsonToken.FIELD_NAME) {
                                String part = json.currentName();
                                JsonToken value = json.nextToken();
                                if (value == JsonToken.VALUE_NUMBER_INT && part.equals("fromEpochSecond")) {
                                    from = Instant.ofEpochSecond(json.getLongValue()).toString();
                                } else if (value == JsonToken.VALUE_NUMBER_INT && part.equals("toEpochSecond")) {
                                    to = Instant.ofEpochSecond(json.getLongValue()).toString();
                                } else {
                                    json.skipChildren();
                                }
                            }
                            break;
                        }
                        json.skipChildren();
                    }
                }
            } catch (IOException e) {
                // The range only labels the run: a damaged manifest leaves it unknown, as no manifest does.
                from = null;
                to = null;
            }
        }
        return new RuleHistory.Run(runAt, from, to);
    }
}
