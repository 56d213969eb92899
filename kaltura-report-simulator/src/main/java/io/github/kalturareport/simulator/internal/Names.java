package io.github.kalturareport.simulator.internal;

/**
 * Human-looking names, chosen so the CSV path sees what the real server sends: non-ASCII letters, values that held
 * commas (the server turns them into spaces) and a few values with double quotes (written quoted, with {@code ""}).
 */
final class Names {
    private static final String[] ROOMS = {
        "Biology 101, Section A", "Chemistry Lab", "Café Philosophique", "Weekly All-Hands",
        "Ask \"Anything\" Hour", "Mathématiques avancées", "Physics, Waves & Optics", "Straße der Informatik",
        "Design Thinking Studio", "Project Kick-off", "Data Science Q&A", "Økonomi 200", "Łódź Partner Sync",
        "Introduction to Statistics", "日本語 Conversation", "Onboarding Bootcamp",
    };

    /** Display form and ASCII form (for ids and e-mail addresses). */
    private static final String[][] FIRST = {
        {"Zoë", "zoe"}, {"José", "jose"}, {"Łukasz", "lukasz"}, {"Søren", "soren"}, {"Ana", "ana"},
        {"François", "francois"}, {"Björn", "bjorn"}, {"Mei", "mei"}, {"Chidi", "chidi"}, {"Priya", "priya"},
        {"Noah", "noah"}, {"Amélie", "amelie"}, {"Olivia", "olivia"}, {"Mateus", "mateus"}, {"Aiko", "aiko"},
        {"Liam", "liam"}, {"Fatima", "fatima"}, {"Jürgen", "jurgen"}, {"Sofía", "sofia"}, {"Kwame", "kwame"},
    };

    private static final String[][] LAST = {
        {"Müller", "muller"}, {"García", "garcia"}, {"O'Brien", "obrien"}, {"Nguyễn", "nguyen"}, {"Smith", "smith"},
        {"Kowalski", "kowalski"}, {"Andersen", "andersen"}, {"Dubois", "dubois"}, {"Okafor", "okafor"},
        {"Sharma", "sharma"}, {"Tanaka", "tanaka"}, {"Rossi", "rossi"}, {"Ibáñez", "ibanez"}, {"Larsen", "larsen"},
        {"Haddad", "haddad"}, {"Schäfer", "schafer"},
    };

    private static final String[] NICKNAMES = {"Bo", "Ace", "Doc", "Sunny"};

    private Names() {
    }

    /** Zero-padded to four digits without String.format, which is slow on a million rows. */
    static String pad4(int n) {
        String digits = Integer.toString(n);
        return digits.length() >= 4 ? digits : "0000".substring(digits.length()) + digits;
    }

    static String roomName(int index) {
        String base = ROOMS[index % ROOMS.length];
        int round = index / ROOMS.length;
        return round == 0 ? base : base + " " + (round + 1);
    }

    static String breakoutName(int index) {
        return "Breakout Room " + (index + 1);
    }

    static Dataset.User user(long hash, int index) {
        String[] first = FIRST[Mix.below(hash, FIRST.length)];
        String[] last = LAST[Mix.below(Mix.mix(hash + 1), LAST.length)];
        String ascii = first[1] + "." + last[1] + pad4(index);
        String name;
        String firstName = first[0];
        int style = Mix.below(Mix.mix(hash + 2), 40);
        if (style < 3) {
            // Directory style "Last, First": the comma reaches the CSV as a space.
            name = last[0] + ", " + first[0];
        } else if (style == 3) {
            firstName = first[0] + " \"" + NICKNAMES[Mix.below(Mix.mix(hash + 3), NICKNAMES.length)] + "\"";
            name = firstName + " " + last[0];
        } else {
            name = first[0] + " " + last[0];
        }
        return new Dataset.User(ascii, name, ascii + "@example.edu", firstName, last[0]);
    }
}
