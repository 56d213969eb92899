package io.github.kalturareport.core.fetch;

import java.nio.file.Path;
import java.util.List;

/** The outcome of {@link ReportFetcher#fetch}: one summary per report, in the order asked for, and the manifest. */
public final class FetchResult {

    private final List<ReportSummary> reports;
    private final Path manifest;

    public FetchResult(List<ReportSummary> reports, Path manifest) {
        this.reports = List.copyOf(reports);
        this.manifest = manifest;
    }

    public List<ReportSummary> reports() {
        return reports;
    }

    public Path manifest() {
        return manifest;
    }

    @Override
    public String toString() {
        return "FetchResult[reports=" + reports + ", manifest=" + manifest + "]";
    }
}
