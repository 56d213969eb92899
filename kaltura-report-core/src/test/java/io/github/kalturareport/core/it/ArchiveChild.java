package io.github.kalturareport.core.it;

import io.github.kalturareport.core.config.FetchOptions;
import io.github.kalturareport.core.fetch.Credentials;
import io.github.kalturareport.core.fetch.ReportFetcher;
import java.nio.file.Path;

/** A fetch into an archive in a process of its own, for a test to kill: args service URL, out dir, archive, from. */
public final class ArchiveChild {

    private ArchiveChild() {
    }

    public static void main(String[] args) throws Exception {
        ReportFetcher.fetch(new FetchOptions().serviceUrl(args[0]).partnerId("1000")
                .credentials(Credentials.adminSecret("simulator-secret")).reports("attendees")
                .outputDirectory(Path.of(args[1])).archive(args[2], null).from(args[3]).build(), null);
        System.out.println("done");
    }
}
