package io.github.kalturareport.maven;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class SecretGuardTest {

    @Test
    void noSecretGivenPasses() {
        assertThatCode(() -> SecretGuard.refuse(null, " ", "", "kaltura")).doesNotThrowAnyException();
    }

    @Test
    void adminSecretIsRefusedWithWhereItBelongsAndWithoutItsValue() {
        assertThatThrownBy(() -> SecretGuard.refuse("s3cr3t-value", null, null, "my-kaltura"))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("adminSecret")
                .hasMessageContaining("-Dkaltura.adminSecret")
                .hasMessageContaining("<id>my-kaltura</id>")
                .hasMessageContaining("KALTURA_ADMIN_SECRET")
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void ksAndAppTokenAreRefusedWithoutTheirValues() {
        assertThatThrownBy(() -> SecretGuard.refuse(null, "djJ8MTAwMHxrcy12YWx1ZQ==", null, null))
                .hasMessageContaining("KALTURA_KS")
                .hasMessageNotContaining("djJ8MTAwMHxrcy12YWx1ZQ==");
        assertThatThrownBy(() -> SecretGuard.refuse(null, null, "token-abc", null))
                .hasMessageContaining("KALTURA_APP_TOKEN_ID")
                .hasMessageNotContaining("token-abc");
    }
}
