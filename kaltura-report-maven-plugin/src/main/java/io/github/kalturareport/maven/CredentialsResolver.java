package io.github.kalturareport.maven;

import io.github.kalturareport.core.fetch.Credentials;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Finds the credentials (README, Credentials and security), first match wins: the settings.xml {@code <server>}
 * named by {@code serverId} ({@code <username>} = partner id, {@code <password>} = admin secret, Maven-encrypted
 * passwords work), then the environment ({@code KALTURA_ADMIN_SECRET}, {@code KALTURA_KS}, {@code KALTURA_APP_TOKEN_ID} with
 * {@code KALTURA_APP_TOKEN} and optional {@code KALTURA_APP_TOKEN_HASH_TYPE}; {@code KALTURA_PARTNER_ID}).
 */
final class CredentialsResolver {

    static final String ENV_PARTNER_ID = "KALTURA_PARTNER_ID";
    static final String ENV_ADMIN_SECRET = "KALTURA_ADMIN_SECRET";
    static final String ENV_KS = "KALTURA_KS";
    static final String ENV_APP_TOKEN_ID = "KALTURA_APP_TOKEN_ID";
    static final String ENV_APP_TOKEN = "KALTURA_APP_TOKEN";
    static final String ENV_APP_TOKEN_HASH_TYPE = "KALTURA_APP_TOKEN_HASH_TYPE";

    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final Map<String, String> environment;

    CredentialsResolver(Settings settings, SettingsDecrypter decrypter, Map<String, String> environment) {
        this.settings = settings;
        this.decrypter = decrypter;
        this.environment = environment;
    }

    ResolvedCredentials resolve(String serverId) throws MojoExecutionException {
        String id = isSet(serverId) ? serverId.trim() : "kaltura";
        Server server = settings == null ? null : settings.getServer(id);
        String serverPartnerId = null;
        if (server != null) {
            Server decrypted = ServerDecryption.decrypt(server, decrypter,
                    "the password of the settings.xml <server> '" + server.getId() + "'", "the password");
            serverPartnerId = trimmed(decrypted.getUsername());
            if (isSet(decrypted.getPassword())) {
                return new ResolvedCredentials(serverPartnerId != null ? serverPartnerId : env(ENV_PARTNER_ID),
                        Credentials.adminSecret(decrypted.getPassword()), "settings.xml server '" + id + "'");
            }
        }
        String partnerId = serverPartnerId != null ? serverPartnerId : env(ENV_PARTNER_ID);
        if (env(ENV_ADMIN_SECRET) != null) {
            return new ResolvedCredentials(partnerId, Credentials.adminSecret(env(ENV_ADMIN_SECRET)),
                    "environment variable " + ENV_ADMIN_SECRET);
        }
        if (env(ENV_KS) != null) {
            return new ResolvedCredentials(partnerId, Credentials.ks(env(ENV_KS)), "environment variable " + ENV_KS);
        }
        if (env(ENV_APP_TOKEN_ID) != null || env(ENV_APP_TOKEN) != null) {
            if (env(ENV_APP_TOKEN_ID) == null || env(ENV_APP_TOKEN) == null) {
                throw new MojoExecutionException("An app token needs both " + ENV_APP_TOKEN_ID + " and "
                        + ENV_APP_TOKEN + ", but only " + (env(ENV_APP_TOKEN_ID) == null ? ENV_APP_TOKEN
                                : ENV_APP_TOKEN_ID) + " is set: set the other one too.");
            }
            return new ResolvedCredentials(partnerId, Credentials.appToken(env(ENV_APP_TOKEN_ID),
                    env(ENV_APP_TOKEN), env(ENV_APP_TOKEN_HASH_TYPE)),
                    "environment variables " + ENV_APP_TOKEN_ID + "/" + ENV_APP_TOKEN);
        }
        throw new MojoExecutionException("No Kaltura credentials found: "
                + (server == null ? "settings.xml has no <server> with the id '" + id + "'"
                        : "the settings.xml <server> '" + id + "' has no <password>")
                + " and none of the environment variables " + ENV_ADMIN_SECRET + ", " + ENV_KS + ", "
                + ENV_APP_TOKEN_ID + "/" + ENV_APP_TOKEN + " is set. Add <server><id>" + id
                + "</id><username>PARTNER_ID</username><password>ADMIN_SECRET</password></server> to ~/.m2/settings.xml"
                + " (encrypt the password with mvn --encrypt-password), or set " + ENV_PARTNER_ID + " and "
                + ENV_ADMIN_SECRET + " (or an app token) in the environment; choose another server with -Dkaltura.serverId.");
    }

    private String env(String name) {
        return trimmed(environment.get(name));
    }

    private static String trimmed(String value) {
        return isSet(value) ? value.trim() : null;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
