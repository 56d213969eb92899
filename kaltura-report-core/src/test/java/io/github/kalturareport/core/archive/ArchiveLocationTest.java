package io.github.kalturareport.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kalturareport.core.ConfigurationException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArchiveLocationTest {

    private static final Path BASE = Path.of("/projects/course").toAbsolutePath();

    @Test
    void aPlainPathIsASqliteFileResolvedAgainstTheBase() throws Exception {
        ArchiveLocation a = ArchiveLocation.parse("archive/kaltura.db", BASE);
        assertThat(a.kind()).isEqualTo(ArchiveLocation.Kind.SQLITE);
        assertThat(a.url()).isEqualTo("jdbc:sqlite:" + BASE.resolve("archive/kaltura.db"));
    }

    @Test
    void aSqliteUrlKeepsAnAbsolutePathAndResolvesARelativeOne() throws Exception {
        Path abs = Path.of("/var/lib/kaltura/archive.db").toAbsolutePath();
        assertThat(ArchiveLocation.parse("jdbc:sqlite:" + abs, BASE).url()).isEqualTo("jdbc:sqlite:" + abs);
        assertThat(ArchiveLocation.parse("jdbc:sqlite:a.db", BASE).url())
                .isEqualTo("jdbc:sqlite:" + BASE.resolve("a.db"));
    }

    @Test
    void aPostgresqlUrlIsKeptWithItsCredentialsApart() throws Exception {
        ArchiveLocation a = ArchiveLocation.parse("jdbc:postgresql://db.example.edu:5432/kaltura", BASE)
                .withCredentials("reporter", "s3cret-Pw".toCharArray());
        assertThat(a.kind()).isEqualTo(ArchiveLocation.Kind.POSTGRESQL);
        assertThat(a.url()).isEqualTo("jdbc:postgresql://db.example.edu:5432/kaltura");
        assertThat(a.user()).isEqualTo("reporter");
        assertThat(new String(a.password())).isEqualTo("s3cret-Pw");
        assertThat(a.toString()).contains("reporter").contains("password hidden").doesNotContain("s3cret-Pw");
        assertThat(a.describe()).doesNotContain("s3cret-Pw");
    }

    @ParameterizedTest
    @CsvSource({
        "jdbc:postgres://h/db, did you mean jdbc:postgresql:",
        "jdbc:pgsql://h/db, did you mean jdbc:postgresql:",
        "postgresql://h/db, did you mean jdbc:postgresql:",
        "jdbc:sqlite3:a.db, did you mean jdbc:sqlite:",
        "jdbc:mysql://h/db, jdbc:mysql: is not supported",
        "jdbc:h2:mem:x, jdbc:h2: is not supported",
        "https://h/db, not a JDBC URL",
        "jdbc:postgresql:kaltura, jdbc:postgresql://HOST[:PORT]/DATABASE",
        "jdbc:sqlite::memory:, an in-memory database would be lost",
    })
    void badValuesAreRefusedWithTheFix(String value, String fix) {
        assertThatThrownBy(() -> ArchiveLocation.parse(value, BASE))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("archive"))
                .hasMessageContaining(fix);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '!', value = {
        "jdbc:postgresql://h/db?user=u&password=TopSecret1",
        "jdbc:postgresql://h/db?ssl=true&PASSWORD=TopSecret1&x=1",
        "jdbc:postgresql://u:TopSecret1@h/db",
    })
    void aPasswordInTheUrlIsRefusedAndNeverRepeated(String url) {
        assertThatThrownBy(() -> ArchiveLocation.parse(url, BASE))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("carries a password")
                .hasMessageContaining("***")
                .hasMessageNotContaining("TopSecret1");
    }

    @Test
    void emptyIsRefused() {
        assertThatThrownBy(() -> ArchiveLocation.parse(" ", BASE)).hasMessageContaining("The archive is empty");
    }
}
