package io.github.kalturareport.core.report;

import java.net.URI;
import java.util.Optional;

/** A Kaltura SaaS region, the base URL of its API and, where known, of its Reports microservice. */
public enum Region {
    US("https://www.kaltura.com", "https://reports.nvp1.ovp.kaltura.com"),
    EU("https://api.eu.kaltura.com", null),
    DE("https://api.de.kaltura.com", null),
    SG("https://api.sg.kaltura.com", null),
    CA("https://api.ca.kaltura.com", null),
    AU("https://api.ap.kaltura.com", null);

    private final URI baseUrl;
    private final URI reportsServiceUrl;

    Region(String baseUrl, String reportsServiceUrl) {
        this.baseUrl = URI.create(baseUrl);
        this.reportsServiceUrl = reportsServiceUrl == null ? null : URI.create(reportsServiceUrl);
    }

    /**
     * The base URL of the region's Reports microservice (chat and collaboration reports), where known: only the US
     * host is public (docs/kaltura-protocol.md, inferred).
     */
    public Optional<URI> reportsServiceUrl() {
        return Optional.ofNullable(reportsServiceUrl);
    }

    /** The API base URL, without {@code /api_v3} and without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }
}
