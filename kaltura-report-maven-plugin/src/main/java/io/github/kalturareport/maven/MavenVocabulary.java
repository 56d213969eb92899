package io.github.kalturareport.maven;

import io.github.kalturareport.core.Vocabulary;

/** The plugin's words for the core's messages: its goals, its {@code -D} properties, settings.xml. */
final class MavenVocabulary implements Vocabulary {

    static final MavenVocabulary INSTANCE = new MavenVocabulary();

    private MavenVocabulary() {
    }

    @Override
    public String fetchCommand() {
        return "kaltura-report:fetch";
    }

    @Override
    public String setting(String name) {
        String property = "inputDirectory".equals(name) ? "outputDirectory" : name;
        return name + " (-Dkaltura." + property + "=...)";
    }

    @Override
    public String credentialSources() {
        return "settings.xml server, or KALTURA_ADMIN_SECRET, KALTURA_KS, KALTURA_APP_TOKEN_ID with KALTURA_APP_TOKEN";
    }

    @Override
    public String partnerIdSources() {
        return "settings.xml server username, KALTURA_PARTNER_ID, or partnerId";
    }
}
