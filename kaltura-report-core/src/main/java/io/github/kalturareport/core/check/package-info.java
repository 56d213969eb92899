/**
 * Threshold rules over fetched report CSVs, and the reports people read. Entry point:
 * {@link io.github.kalturareport.core.check.ThresholdChecker#check}; settings:
 * {@link io.github.kalturareport.core.check.CheckSettings}; the semantics are written down in {@code docs/rules.md}.
 */
package io.github.kalturareport.core.check;
