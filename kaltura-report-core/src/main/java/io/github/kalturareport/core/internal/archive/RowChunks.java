package io.github.kalturareport.core.internal.archive;

import io.github.kalturareport.core.internal.csv.CsvReader;
import io.github.kalturareport.core.internal.csv.CsvRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A report file's rows, read and converted to SQL values on a thread of their own while the loader's thread runs
 * the statements: reading and converting is about a third of a load, so on a second core the two overlap. Only a
 * few chunks are ever in memory (the queue is bounded). The connection stays on the loader's thread.
 */
final class RowChunks implements AutoCloseable {

    /** Chunks read ahead: enough to keep the loader busy, few enough to keep the heap flat. */
    private static final int AHEAD = 4;
    private static final Object END = new Object();

    /** Rows of one statement or batch: {@code rows × width} values, row after row. */
    record Chunk(Object[] values, int rows) {
    }

    private record Failure(Throwable cause) {
    }

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread reader;
    private boolean ended;

    /**
     * @param convert writes a row's {@code width} values into the array at the offset given by the chunk (the
     *                offset is the first value's index)
     */
    RowChunks(CsvReader csv, int width, int rowsPerChunk, RowConverter convert) {
        this.reader = new Thread(() -> read(csv, width, rowsPerChunk, convert), "kaltura-archive-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Converts one CSV row into {@code values[offset …]}. */
    interface RowConverter {
        void convert(CsvRow row, Object[] values, int offset);
    }

    private void read(CsvReader csv, int width, int rowsPerChunk, RowConverter convert) {
        try {
            Object[] values = new Object[rowsPerChunk * width];
            int rows = 0;
            CsvRow row;
            while ((row = csv.next()) != null) {
                convert.convert(row, values, rows * width);
                if (++rows == rowsPerChunk) {
                    queue.put(new Chunk(values, rows));
                    values = new Object[rowsPerChunk * width];
                    rows = 0;
                }
            }
            if (rows > 0) {
                queue.put(new Chunk(values, rows));
            }
            queue.put(END);
        } catch (InterruptedException e) {
            // The loader stopped (it failed): nobody waits for more.
        } catch (IOException | RuntimeException | Error e) {
            try {
                queue.put(new Failure(e));
            } catch (InterruptedException stopped) {
                // The loader stopped first.
            }
        }
    }

    /** The next chunk, or null after the last; a failure to read the file is thrown here, on the loader's thread. */
    Chunk next() throws IOException {
        if (ended) {
            return null;
        }
        Object next;
        try {
            next = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while loading the archive", e);
        }
        if (next == END) {
            ended = true;
            return null;
        }
        if (next instanceof Failure f) {
            ended = true;
            if (f.cause() instanceof IOException io) {
                throw io;
            }
            if (f.cause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (f.cause() instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) f.cause();
        }
        return (Chunk) next;
    }

    /** Stops the reading thread (when the load failed before the end) and waits for it, so the file can close. */
    @Override
    public void close() {
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
