package io.github.kalturareport.simulator.internal;

import java.io.IOException;
import java.io.OutputStream;

/** Passes bytes on until a cap, then stops the writer with {@link Full}. */
final class CappedOutputStream extends OutputStream {
    /** Thrown once the cap is reached. */
    static final class Full extends IOException {
        private static final long serialVersionUID = 1L;

        Full() {
            super("capture full");
        }
    }

    private final OutputStream out;
    private long left;

    CappedOutputStream(OutputStream out, long cap) {
        this.out = out;
        this.left = cap;
    }

    @Override
    public void write(int b) throws IOException {
        if (left <= 0) {
            throw new Full();
        }
        out.write(b);
        left--;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int n = (int) Math.min(len, left);
        out.write(b, off, n);
        left -= n;
        if (n < len) {
            throw new Full();
        }
    }
}
