package io.github.kalturareport.core.check;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.Vocabulary;
import io.github.kalturareport.core.archive.ArchiveLocation;
import io.github.kalturareport.core.report.PersonalData;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** What {@link ThresholdChecker#check} does: immutable, every rule already parsed and validated. */
public final class CheckSettings {

    private final Path inputDirectory;
    private final List<Rule> rules;
    private final Path outputDirectory;
    private final Path githubStepSummary;
    private final ZoneId timeZone;
    private final Vocabulary vocabulary;
    private final PersonalData personalData;
    private final Path baseline;
    private final ArchiveLocation archive;

    private CheckSettings(Builder b, List<Rule> rules) {
        this.inputDirectory = b.inputDirectory;
        this.rules = List.copyOf(rules);
        this.outputDirectory = b.outputDirectory != null ? b.outputDirectory : b.inputDirectory.resolve("check");
        this.githubStepSummary = b.githubStepSummary;
        this.timeZone = b.timeZone != null ? b.timeZone : ZoneId.of("UTC");
        this.vocabulary = b.vocabulary != null ? b.vocabulary : Vocabulary.LIBRARY;
        this.personalData = b.personalData != null ? b.personalData : PersonalData.KEEP;
        this.baseline = b.baseline;
        this.archive = b.archive;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where the fetched CSVs are. */
    public Path inputDirectory() {
        return inputDirectory;
    }

    /** The rules: the structured thresholds first, then the one-line rules, in the order given. */
    public List<Rule> rules() {
        return rules;
    }

    /** Where the reports go; {@code <inputDirectory>/check} unless set. */
    public Path outputDirectory() {
        return outputDirectory;
    }

    /** The file the Markdown summary is appended to ({@code GITHUB_STEP_SUMMARY}), or null. */
    public Path githubStepSummary() {
        return githubStepSummary;
    }

    /** The zone session times are shown in; UTC unless set. */
    public ZoneId timeZone() {
        return timeZone;
    }

    /** The front end's words for messages that say what to run or where a setting lives. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * What the fetch did with personal data: which columns it dropped (a rule on one is an error) and which it
     * named personal (their values are never shown whole); {@link PersonalData#KEEP} unless set.
     */
    public PersonalData personalData() {
        return personalData;
    }

    /**
     * A previous check run's {@code summary.json} whose values {@code vs previous} rules compare with (and every
     * output shows as the previous value), or null. It is read before any CSV.
     */
    public Path baseline() {
        return baseline;
    }

    /** The archive the check's results are recorded in and compared with (docs/archive.md), or null. */
    public ArchiveLocation archive() {
        return archive;
    }

    /** Collects the settings; {@link #build()} validates everything. */
    public static final class Builder {
        private Path inputDirectory;
        private List<Threshold> thresholds = List.of();
        private String rules;
        private Path outputDirectory;
        private Path githubStepSummary;
        private ZoneId timeZone;
        private Vocabulary vocabulary;
        private PersonalData personalData;
        private Path baseline;
        private ArchiveLocation archive;

        private Builder() {
        }

        public Builder inputDirectory(Path inputDirectory) {
            this.inputDirectory = inputDirectory;
            return this;
        }

        /** The structured thresholds, as the user wrote them; null means none. */
        public Builder thresholds(List<Threshold> thresholds) {
            this.thresholds = thresholds == null ? List.of() : new ArrayList<>(thresholds);
            return this;
        }

        /** One-line rules separated by {@code ;}; null or blank means none. */
        public Builder rules(String oneLineRulesSeparatedBySemicolons) {
            this.rules = oneLineRulesSeparatedBySemicolons;
            return this;
        }

        /** Where the reports go; null means {@code <inputDirectory>/check}. */
        public Builder outputDirectory(Path outputDirectory) {
            this.outputDirectory = outputDirectory;
            return this;
        }

        /** A file to append the Markdown summary to (GitHub's {@code GITHUB_STEP_SUMMARY}); null means none. */
        public Builder githubStepSummary(Path githubStepSummary) {
            this.githubStepSummary = githubStepSummary;
            return this;
        }

        /** The zone session times are shown in; null means UTC. */
        public Builder timeZone(ZoneId timeZone) {
            this.timeZone = timeZone;
            return this;
        }

        /** The front end's words for messages; null means {@link Vocabulary#LIBRARY}. */
        public Builder vocabulary(Vocabulary vocabulary) {
            this.vocabulary = vocabulary;
            return this;
        }

        /** The fetch's personal data setting, the same as the fetch was given; null means keep. */
        public Builder personalData(PersonalData personalData) {
            this.personalData = personalData;
            return this;
        }

        /** A previous check run's {@code summary.json} to compare with; null means none. */
        public Builder baseline(Path baseline) {
            this.baseline = baseline;
            return this;
        }

        /** The archive to record the results in and compare with; null means none. */
        public Builder archive(ArchiveLocation archive) {
            this.archive = archive;
            return this;
        }

        /**
         * Parses and validates every rule and setting.
         *
         * @throws io.github.kalturareport.core.RuleException for a bad rule (text and caret in the message)
         * @throws ConfigurationException                     for another bad setting
         */
        public CheckSettings build() throws ConfigurationException {
            if (inputDirectory == null) {
                throw new ConfigurationException("inputDirectory", "No inputDirectory: set it to the folder"
                        + " holding the fetched CSVs (by default the fetch's outputDirectory).");
            }
            List<Rule> parsed = new ArrayList<>();
            for (int i = 0; i < thresholds.size(); i++) {
                Threshold threshold = thresholds.get(i);
                if (threshold == null) {
                    throw new ConfigurationException("thresholds", "Threshold #" + (i + 1) + " is empty: give it"
                            + " at least <report>, <metric>, <aggregate> and <minimum> or <maximum>.");
                }
                parsed.add(RuleParser.fromThreshold(threshold, i));
            }
            parsed.addAll(RuleParser.parseRules(rules));
            for (Rule rule : parsed) {
                refuseDropped(rule, personalData == null ? PersonalData.KEEP : personalData);
            }
            return new CheckSettings(this, parsed);
        }

        /** A rule on a column the fetch leaves out could only ever fail: it is a configuration error, said so. */
        private static void refuseDropped(Rule rule, PersonalData personal) throws ConfigurationException {
            List<String> dropped = personal.columnsIn(rule.report(), PersonalData.Mode.DROP);
            String[][] parts = {{"metric", rule.column()}, {"groupBy", rule.groupBy()},
                {"whereColumn", rule.whereColumn()}};
            for (String[] part : parts) {
                if (part[1] != null && dropped.contains(part[1])) {
                    throw rule.source().error(part[0], part[1] + " is personal data that the fetch drops ("
                            + "personalData=" + personal.text() + "): it never leaves Kaltura, so "
                            + rule.report().fileName() + " has no such column. Remove the rule, or keep the column"
                            + " as pseudonyms with personalColumns=" + part[1] + "=pseudonymize.");
                }
            }
        }
    }
}
