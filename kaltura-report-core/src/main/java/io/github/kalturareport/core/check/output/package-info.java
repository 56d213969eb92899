/**
 * The reports people read, made from a {@link io.github.kalturareport.core.check.CheckResult}: JUnit XML,
 * Markdown, JSON, HTML and the console table. Entry point:
 * {@link io.github.kalturareport.core.check.output.CheckOutputs}; the formats are written down in
 * {@code docs/rules.md}.
 */
package io.github.kalturareport.core.check.output;
