package io.github.kalturareport.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The core's public API, type by type (docs/architecture.md). A new public type outside {@code core.internal} is a
 * promise to every library user, so it is added here on purpose, never by accident.
 */
class PublicApiTest {

    private static final String CORE = "io.github.kalturareport.core";

    private static final Set<String> API = Set.of(
            // the exceptions and the front end's words
            "ConfigurationException", "DataValidationException", "KalturaApiException", "KalturaReportException",
            "RuleException", "TransportException", "Vocabulary",
            // the catalogue
            "report.ColumnDefinition", "report.ColumnType", "report.Filter", "report.PersonalData", "report.Region",
            "report.ReportDefinition",
            // where the archive is
            "archive.ArchiveLocation",
            // fetching
            "fetch.Credentials", "fetch.DateRange", "fetch.Endpoint", "fetch.FetchListener", "fetch.FetchResult",
            "fetch.FetchSettings", "fetch.Limits", "fetch.OutputSettings", "fetch.ProxySettings",
            "fetch.ReportFetcher", "fetch.ReportQuery", "fetch.ReportSummary",
            // checking, and writing what a check found
            "check.Aggregate", "check.CheckListener", "check.CheckResult", "check.CheckSettings", "check.Rule",
            "check.RuleParser", "check.RuleResult", "check.Threshold", "check.ThresholdChecker",
            "check.output.CheckOutputs",
            // user text to typed settings, for every front end
            "config.FetchOptions", "config.SettingParser");

    @Test
    void thePublicTypesOutsideInternalAreExactlyTheApi() {
        Set<String> found = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(CORE)) {
            if (type.isTopLevelClass() && type.getModifiers().contains(JavaModifier.PUBLIC)
                    && !type.getPackageName().startsWith(CORE + ".internal")) {
                found.add(type.getName().substring(CORE.length() + 1));
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(API);
    }
}
