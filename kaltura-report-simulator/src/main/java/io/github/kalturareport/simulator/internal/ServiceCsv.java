package io.github.kalturareport.simulator.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 as the Reports microservice writes it (inferred): a value holding a comma, a double quote, CR or LF is
 * quoted with its quotes doubled, line breaks inside values kept as they are; rows end with LF; no byte order mark.
 * Unlike API v3's writer, nothing is turned into spaces.
 */
final class ServiceCsv {
    private final Writer out;
    private long rows;

    ServiceCsv(OutputStream out, List<String> header) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 << 10);
        write(header.toArray());
        rows = 0;
    }

    /** Writes one row; values are written with {@link String#valueOf(Object)}, null as empty. */
    void row(Object... values) throws IOException {
        write(values);
    }

    private void write(Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(values[i] == null ? "" : String.valueOf(values[i])));
        }
        out.write('\n');
        rows++;
    }

    static String quote(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + value.replace("\"", "\"\"") + '"';
            }
        }
        return value;
    }

    /** Flushes (without closing the stream) and returns the data rows written. */
    long finish() throws IOException {
        out.flush();
        return rows;
    }
}
