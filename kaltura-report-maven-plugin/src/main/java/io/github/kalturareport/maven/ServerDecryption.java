package io.github.kalturareport.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** A settings.xml {@code <server>} with its password decrypted by Maven, encrypted or not. */
final class ServerDecryption {

    private ServerDecryption() {
    }

    /**
     * The server with a plain password; the server itself when there is no decrypter (outside Maven).
     *
     * @param what   what the password is, for the message, e.g. {@code the password of the settings.xml <server> 'x'}
     * @param secret what to re-encrypt, for the message, e.g. {@code the password}
     */
    static Server decrypt(Server server, SettingsDecrypter decrypter, String what, String secret)
            throws MojoExecutionException {
        if (decrypter == null) {
            return server;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                // The problem's text names the server and the cause, never the password.
                throw new MojoExecutionException("Cannot decrypt " + what + ": " + problem.getMessage()
                        + ". Check the master password in ~/.m2/settings-security.xml (or -Dsettings.security) and"
                        + " re-encrypt " + secret + " with mvn --encrypt-password.");
            }
        }
        return result.getServer() != null ? result.getServer() : server;
    }
}
