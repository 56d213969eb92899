package io.github.kalturareport.maven;

import io.github.kalturareport.core.Vocabulary;

/** The plugin's words for the core's messages: its goals, its {@code -D} properties (from the descriptor), settings.xml. */
final class MavenVocabulary implements Vocabulary {

    private final GoalParameters parameters;

    MavenVocabulary(GoalParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public String fetchCommand() {
        return "kaltura-report:fetch";
    }

    @Override
    public String setting(String name) {
        return parameters.property(name).map(property -> name + " (-D" + property + "=...)").orElse(name);
    }

    @Override
    public String credentialSources() {
        return "settings.xml server, or KALTURA_ADMIN_SECRET, KALTURA_KS, KALTURA_APP_TOKEN_ID with KALTURA_APP_TOKEN";
    }

    @Override
    public String pseudonymKeySources() {
        return "the <password> of the settings.xml server '" + PseudonymKey.SERVER_ID + "', Maven-encrypted or not,"
                + " or the environment variable " + PseudonymKey.ENV;
    }

    @Override
    public String partnerIdSources() {
        return "settings.xml server username, KALTURA_PARTNER_ID, or partnerId";
    }
}
