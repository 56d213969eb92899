/**
 * The Reports microservice (docs/kaltura-protocol.md, "Report 4021 and the Reports microservice", inferred): its
 * JSON requests, its answers and statuses, over the fetch's one HTTP client with the KS in the Bearer header.
 */
package io.github.kalturareport.core.internal.reports;
