package io.github.kalturareport.core.report;

import java.net.URI;

/** A Kaltura SaaS region and the base URL of its API (docs/kaltura-protocol.md). */
public enum Region {
    US("https://www.kaltura.com"),
    EU("https://api.eu.kaltura.com"),
    DE("https://api.de.kaltura.com"),
    SG("https://api.sg.kaltura.com"),
    CA("https://api.ca.kaltura.com"),
    AU("https://api.ap.kaltura.com");

    private final URI baseUrl;

    Region(String baseUrl) {
        this.baseUrl = URI.create(baseUrl);
    }

    /** The API base URL, without {@code /api_v3} and without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }
}
