package io.github.kalturareport.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kalturareport.core.RuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule language's {@code vs previous} and {@code <compareTo>}: what parses, what is refused, the keys. */
class VsPreviousRuleTest {

    @Test
    void bothFormsGiveTheSameRuleOnTheChange() throws Exception {
        Rule line = RuleParser.parse("attendees:mean(engagement) by entry_id when count >= 2 vs previous >= -5%");
        Rule structured = RuleParser.fromThreshold(Threshold.of("attendees", "engagement", "avg", "-5%", null)
                .withGroupBy("entry_id").withMinRows("2").withCompareTo("previous"), 0);
        assertThat(line.vsPrevious()).isTrue();
        assertThat(structured).isEqualTo(line).hasSameHashCodeAs(line);
        assertThat(line.text()).isEqualTo("attendees:mean(engagement) by entry_id when count >= 2 vs previous >= -5%");
        assertThat(RuleParser.parse(line.text())).isEqualTo(line);
        assertThat(line.lower().value()).isEqualTo(-0.05);
        assertThat(RuleParser.parse("attendees:mean(engagement) VS Previous >= -5%").vsPrevious()).isTrue();
        assertThat(RuleParser.fromThreshold(Threshold.of("rooms", "uniqueUsers", "min", "-3", null)
                .withCompareTo("PREVIOUS"), 0).vsPrevious()).isTrue();
        // A plain rule is not one on the change.
        assertThat(RuleParser.parse("attendees:mean(engagement) >= -5%")).isNotEqualTo(
                RuleParser.parse("attendees:mean(engagement) vs previous >= -5%"));
    }

    @Test
    void aPlainAndAVsPreviousRuleOnOneQuantityShareItsKey() throws Exception {
        Rule plain = RuleParser.parse("attendees:avg(engagement) by entry_id where user_type=Attendee"
                + " when count >= 5 >= 60% severity=warning");
        Rule change = RuleParser.parse("attendees:mean(meeting_engaged_play_time_ratio) by entry_id"
                + " where user_type=Attendee when count >= 5 vs previous >= -5% and <= 10%");
        assertThat(plain.quantityKey()).isEqualTo(change.quantityKey()).isEqualTo(
                "attendees:mean(meeting_engaged_play_time_ratio) by entry_id where user_type=Attendee when count >= 5");
        // What is measured differs: another key.
        assertThat(RuleParser.parse("attendees:mean(engagement) by entry_id vs previous >= -5%").quantityKey())
                .isNotEqualTo(change.quantityKey());
        assertThat(RuleParser.parse("attendees:p50(engagement) >= 1%").quantityKey())
                .isEqualTo("attendees:p50(meeting_engaged_play_time_ratio)");
        // A personal where value never travels in the key.
        assertThat(RuleParser.parse("attendees:count(user_id) where user_email=ann@example.org vs previous >= 0")
                .quantityKey()).isEqualTo("attendees:count(user_id) where user_email=a…@example.org");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        attendees:each(engagement) vs previous >= -5%     | each judges every row on its own, so it has no one value to compare with the previous run's; use min, max, mean or a percentile with vs previous. | 27 | 11
        attendees:mean(engagement) vs last >= -5%         | 'vs' takes only previous: the change since the previous run, e.g. attendees:mean(engagement) vs previous >= -5%. | 30 | 8
        attendees:mean(engagement) >= -5% vs previous     | vs previous comes before the comparison it changes, e.g. attendees:mean(engagement) vs previous >= -5%. | 34 | 11
        attendees:mean(engagement) vs previous vs previous >= 0 | vs previous is given twice; keep one.                                                               | 39 | 11
        attendees:count(user_id) vs previous >= -10%      | a percentage compares a fraction, but count(user_id) is not a ratio column; write a plain number (vs previous compares the change in the metric's own units, not a relative change). | 40 | 4
        attendees:mean(engagement) vs previous >= -5      | meeting_engaged_play_time_ratio is a fraction from 0 to 1, so -5 can never be reached; write -5% or -0.05. | 42 | 2
        """)
    void refusesWhatMakesNoSenseWithACaret(String rule, String problem, int position, int length) {
        assertThatThrownBy(() -> RuleParser.parse(rule)).isInstanceOf(RuleException.class)
                .hasMessage("Bad rule in 'rules': " + problem + "\n  " + rule + "\n  " + " ".repeat(position)
                        + "^".repeat(length));
    }

    @Test
    void theStructuredFormRefusesAnUnknownCompareToAndEachUnderItsElement() {
        assertThatThrownBy(() -> RuleParser.fromThreshold(Threshold.of("rooms", "engagement", "mean", "-5%", null)
                .withCompareTo("last"), 0)).isInstanceOf(RuleException.class).hasMessage(
                "Bad threshold #1 in 'thresholds': unknown compareTo 'last'; use previous (the change since the"
                        + " previous run is then compared), or leave it out.\n"
                        + "  <report>rooms</report> <metric>engagement</metric> <aggregate>mean</aggregate>"
                        + " <minimum>-5%</minimum> <compareTo>last</compareTo>\n"
                        + "  " + " ".repeat(113) + "^^^^");
        assertThatThrownBy(() -> RuleParser.fromThreshold(Threshold.of("rooms", "engagement", "each", "-5%", null)
                .withCompareTo("previous"), 0)).hasMessageContaining("each judges every row on its own");
    }
}
