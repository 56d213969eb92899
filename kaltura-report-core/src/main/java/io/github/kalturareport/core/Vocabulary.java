package io.github.kalturareport.core;

/**
 * The words of the front end the library runs under, for the few messages that must tell a user what to run or
 * where a setting lives. The core never names a build tool: a front end passes its words in, as the Maven plugin
 * passes its goal and its {@code -D} properties. {@link #LIBRARY} speaks of the library's own API.
 *
 * <p>A {@link ConfigurationException} names its setting by {@link ConfigurationException#parameter()} and leaves
 * where it is set to the front end; these words serve the other messages.
 */
public interface Vocabulary {

    /** The words of a program that calls the library itself. */
    Vocabulary LIBRARY = new Vocabulary() {
        @Override
        public String fetchCommand() {
            return "a fetch";
        }

        @Override
        public String setting(String name) {
            return name;
        }

        @Override
        public String credentialSources() {
            return "Credentials.adminSecret, Credentials.ks or Credentials.appToken";
        }

        @Override
        public String partnerIdSources() {
            return "partnerId";
        }
    };

    /** What a user runs to fetch reports, as in "Run … first": the fetch goal under Maven. */
    String fetchCommand();

    /**
     * A setting named in a sentence, with where it is set when that helps: under Maven the parameter followed by
     * its {@code -D} property.
     *
     * @param name the core's name of the setting, as in {@link ConfigurationException#parameter()}
     */
    String setting(String name);

    /** Where Kaltura credentials can be given, e.g. a settings file entry or environment variables. */
    String credentialSources();

    /** Where the partner id can be given. */
    String partnerIdSources();

    /** Where the pseudonym key can be given, e.g. a settings file entry or an environment variable. */
    default String pseudonymKeySources() {
        return "FetchOptions.pseudonymKey or FetchSettings.Builder.pseudonymKey";
    }
}
