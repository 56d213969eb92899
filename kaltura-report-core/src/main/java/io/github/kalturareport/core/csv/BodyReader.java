package io.github.kalturareport.core.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a CSV body as UTF-8: drops the leading byte order mark the Kaltura server sends, refuses bytes that are not
 * UTF-8 (rather than silently replacing them), and remembers the last character so that a body cut short (its last
 * row without the final line feed) can be told from a complete one.
 */
public final class BodyReader extends Reader {

    private final Reader in;
    private boolean started;
    private int last = -1;
    private long chars;

    public BodyReader(InputStream body) {
        this.in = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0 && !started) {
            started = true;
            if (buffer[offset] == '\uFEFF') {
                System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                n--;
                if (n == 0) {
                    return read(buffer, offset, length);
                }
            }
        }
        if (n > 0) {
            last = buffer[offset + n - 1];
            chars += n;
        }
        return n;
    }

    /** Whether anything but the byte order mark was read. */
    public boolean hadContent() {
        return chars > 0;
    }

    /** Whether the body read so far ends with a line feed, as every complete report does. */
    public boolean endsWithLineFeed() {
        return last == '\n';
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
