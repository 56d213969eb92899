package io.github.kalturareport.maven;

import io.github.kalturareport.core.check.CheckListener;
import org.apache.maven.plugin.logging.Log;

/** Passes the core's check warnings (e.g. a rule that found no data) to Maven's log. */
final class MavenCheckListener implements CheckListener {

    private final Log log;

    MavenCheckListener(Log log) {
        this.log = log;
    }

    @Override
    public void warning(String message) {
        log.warn(message);
    }
}
