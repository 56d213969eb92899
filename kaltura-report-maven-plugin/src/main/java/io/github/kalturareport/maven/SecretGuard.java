package io.github.kalturareport.maven;

import org.apache.maven.plugin.MojoExecutionException;

/**
 * Refuses a secret that reached a parameter, that is the POM or a {@code -D} on the command line, where anyone
 * who reads the POM, the shell history, the process list or the CI log would see it.
 *
 * <p>The message names the parameter and where the secret belongs, never the value.
 */
final class SecretGuard {

    private SecretGuard() {
    }

    static void refuse(String adminSecret, String ks, String appToken, String serverId) throws MojoExecutionException {
        refuseOne("adminSecret", adminSecret, serverWithPassword(serverId)
                + ", or the environment variable KALTURA_ADMIN_SECRET");
        refuseOne("ks", ks, "the environment variable KALTURA_KS");
        refuseOne("appToken", appToken, "the environment variables KALTURA_APP_TOKEN_ID and KALTURA_APP_TOKEN");
    }

    private static void refuseOne(String parameter, String value, String where)
            throws MojoExecutionException {
        if (value == null || value.isBlank()) {
            return;
        }
        throw new MojoExecutionException("A secret was given as the parameter '" + parameter + "' (in the POM or as -D"
                + PropertyNames.PREFIX + parameter + " on the command line), where the POM, the shell history and the build log can expose it."
                + " The build refuses it, whatever its value. Remove it, revoke it if the POM or log was shared, and put it in "
                + where + ".");
    }

    private static String serverWithPassword(String serverId) {
        return "~/.m2/settings.xml as <server><id>" + (serverId == null || serverId.isBlank() ? "kaltura" : serverId)
                + "</id><username>PARTNER_ID</username><password>ADMIN_SECRET</password></server>"
                + " (encrypt it with mvn --encrypt-password)";
    }
}
