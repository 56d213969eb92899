package io.github.kalturareport.core;

/** The words of a made-up command-line front end, for tests that check the core's messages use a front end's words. */
public final class ToolVocabulary implements Vocabulary {

    @Override
    public String fetchCommand() {
        return "tool fetch";
    }

    @Override
    public String setting(String name) {
        return "--" + name;
    }

    @Override
    public String credentialSources() {
        return "--secret or TOOL_SECRET";
    }

    @Override
    public String partnerIdSources() {
        return "--partner-id";
    }
}
