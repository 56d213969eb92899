/**
 * Threshold rules over fetched report CSVs: the rule language ({@link io.github.kalturareport.core.check.Rule},
 * {@link io.github.kalturareport.core.check.RuleParser}) and its evaluation. Entry point:
 * {@link io.github.kalturareport.core.check.ThresholdChecker#check}; settings:
 * {@link io.github.kalturareport.core.check.CheckSettings}; the semantics are written down in {@code docs/rules.md}.
 * The files people read are written from the result by {@code core.check.output}.
 */
package io.github.kalturareport.core.check;
