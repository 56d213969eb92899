/**
 * Fetching reports over the Kaltura API. Entry point:
 * {@link io.github.kalturareport.core.fetch.ReportFetcher#fetch}; settings:
 * {@link io.github.kalturareport.core.fetch.FetchSettings} and its parts; the behaviour is written down in
 * {@code docs/fetching.md}.
 */
package io.github.kalturareport.core.fetch;
