package io.github.kalturareport.maven;

import io.github.kalturareport.core.fetch.Credentials;

/**
 * The credentials found for a fetch and the partner id that came with them.
 *
 * @param partnerId the partner id from the settings.xml server or the environment; {@code null} when neither has one
 * @param credentials what signs in
 * @param source where they came from, for the log (never the secret itself)
 */
record ResolvedCredentials(String partnerId, Credentials credentials, String source) {
}
