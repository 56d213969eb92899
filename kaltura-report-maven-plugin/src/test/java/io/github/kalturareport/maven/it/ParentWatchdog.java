package io.github.kalturareport.maven.it;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs a main class in a child JVM that ends when its parent does: the parent holds the child's standard input
 * open, so end-of-input means the parent is gone (even killed with SIGKILL, when no shutdown hook runs) and the
 * child exits, running its own shutdown hooks. Usage: {@code ParentWatchdog MAIN_CLASS ARGS...}.
 */
public final class ParentWatchdog {

    private ParentWatchdog() {
    }

    public static void main(String[] args) throws Exception {
        Thread watcher = new Thread(ParentWatchdog::exitAtEndOfInput, "parent-watchdog");
        watcher.setDaemon(true);
        watcher.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void exitAtEndOfInput() {
        try (InputStream in = System.in) {
            while (in.read() >= 0) {
                // Nothing is ever sent; only the end of input matters.
            }
        } catch (IOException closed) {
            // Same meaning as end of input.
        }
        System.exit(0);
    }
}
