package io.github.kalturareport.core.internal.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kalturareport.core.report.ColumnDefinition.Personal;
import org.junit.jupiter.api.Test;

/** The masking rule of what travels, precisely. */
class ShareableTest {

    @Test
    void anEmailIsMaskedToItsFirstCharacterAndItsDomainWhereverItIsInTheText() {
        assertThat(Shareable.maskEmails("alice.smith@example.edu")).isEqualTo("a…@example.edu");
        assertThat(Shareable.maskEmails("a@b.co")).isEqualTo("a…@b.co");
        assertThat(Shareable.maskEmails("user_id=o'neil+tag@mail.uni-x.de, and bob@x.org."))
                .isEqualTo("user_id=o…@mail.uni-x.de, and b…@x.org.");
        assertThat(Shareable.maskEmails("zoë.müller@universität.de")).isEqualTo("z…@universität.de");
    }

    @Test
    void textThatIsNotAnAddressIsLeftAlone() {
        assertThat(Shareable.maskEmails("Room @ 10")).isEqualTo("Room @ 10");
        assertThat(Shareable.maskEmails("user@localhost")).isEqualTo("user@localhost"); // no dot: not an address
        assertThat(Shareable.maskEmails("1_abc")).isEqualTo("1_abc");
        assertThat(Shareable.maskEmails(null)).isNull();
    }

    @Test
    void aValueIsShownByItsColumnsKind() {
        assertThat(Shareable.value(Personal.NAME, "Ann Doe")).isEqualTo(Shareable.HIDDEN);
        assertThat(Shareable.value(Personal.EMAIL, "ann@x.org")).isEqualTo("a…@x.org");
        assertThat(Shareable.value(Personal.EMAIL, "not an address")).isEqualTo(Shareable.HIDDEN);
        assertThat(Shareable.value(Personal.USER_ID, "ann@x.org")).isEqualTo("a…@x.org");
        assertThat(Shareable.value(Personal.USER_ID, "u123")).isEqualTo("u123");
        assertThat(Shareable.value(Personal.NONE, "Biology 101")).isEqualTo("Biology 101");
        // a pseudonym is already safe, and an empty value says nothing
        assertThat(Shareable.value(Personal.NAME, "p_0123456789abcdef")).isEqualTo("p_0123456789abcdef");
        assertThat(Shareable.value(Personal.NAME, "")).isEmpty();
    }
}
