package io.github.kalturareport.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The IT simulators' last safety net: a child that outlives its parent's input ends by itself. */
class ParentWatchdogTest {

    /** A main that would run forever. */
    public static final class SleepForever {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    void childExitsWhenItsStandardInputEnds() throws Exception {
        String classes = new File(ParentWatchdog.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getAbsolutePath();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classes, ParentWatchdog.class.getName(), SleepForever.class.getName())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(child.waitFor(300, TimeUnit.MILLISECONDS)).as("still running while its input is open").isFalse();

            child.getOutputStream().close();

            assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("exited after its input ended").isTrue();
            assertThat(child.exitValue()).isZero();
        } finally {
            child.destroyForcibly();
        }
    }
}
