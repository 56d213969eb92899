package io.github.kalturareport.core.fetch;

import io.github.kalturareport.core.KalturaReportException;

/** The fetch façade: one call fetches every report of the settings, validates it and saves it. */
public final class ReportFetcher {

    private ReportFetcher() {
    }

    /**
     * Fetches all reports, writes the CSVs and {@code manifest.json}. Each file appears only when complete; on any
     * failure nothing is written and earlier files are left untouched. With an archive (docs/archive.md) the files
     * are also loaded into it, all in one transaction, and without a range given the archive's watermark decides it.
     *
     * @param listener progress; may be null
     * @throws KalturaReportException a {@code KalturaApiException}, {@code TransportException} or
     *                                {@code DataValidationException} whose message says what to do
     */
    public static FetchResult fetch(FetchSettings settings, FetchListener listener) throws KalturaReportException {
        ArchiveSync archive = ArchiveSync.of(settings);
        FetchSettings run = archive == null ? settings : archive.prepare();
        return new FetchRun(run, listener == null ? new FetchListener() { } : listener, archive).run();
    }
}
