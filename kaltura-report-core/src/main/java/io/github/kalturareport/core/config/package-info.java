/**
 * Settings as a user types them, turned into typed settings: {@link io.github.kalturareport.core.config.SettingParser}
 * parses one value, {@link io.github.kalturareport.core.config.FetchOptions} collects a fetch's text and builds
 * {@link io.github.kalturareport.core.fetch.FetchSettings}. Every front end (the Maven plugin, a command line) goes
 * through here, so a setting is read, and its errors worded, the same way everywhere.
 */
package io.github.kalturareport.core.config;
