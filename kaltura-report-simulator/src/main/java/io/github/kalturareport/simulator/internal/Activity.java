package io.github.kalturareport.simulator.internal;

/**
 * What attendees do in a session besides watching: chat messages, poll answers, reactions and moderation threads.
 * Like the rest of the dataset, every value is a pure function of the seed and its coordinates (session, attendee,
 * message), so report 4021 and the Reports microservice's reports agree with each other and with 6001 without
 * anything being stored: the same users, rooms and sessions, and the counts of one report are the rows of another.
 */
public final class Activity {
    private static final long MESSAGE = 20, REACTION = 21, POLL = 22, ANSWER = 23, THREADS = 24;

    /** The host's first two messages hold an LF and CRLF line breaks, quotes and commas in every session. */
    static final String WELCOME = "Welcome, everyone!\nToday: \"Data\", charts & more.";
    static final String AGENDA = "Agenda:\r\n1. Intro\r\n2. Q&A, then \"homework\"";
    private static final String[] TEXTS = {
        "Hello everyone!", "Can you share the slides, please?", "She said \"read chapter 3\" by Friday.",
        "First point\nSecond point", "Question:\r\nIs the exam open-book?", "Thanks \uD83D\uDC4D",
        "Müller's remark, again: 6 × 7 = 42", "\"Quoted\" at the start, and a comma", "a,b,c",
        "Zoë asked: où est la salle ?", "  two leading spaces", "Ends with a line break\n", "+1", "=SUM(A1:A3)",
    };
    private static final String[] QUESTIONS = {
        "How clear was today's topic?", "Which option, A or B, fits best?", "Did you do the \"pre-reading\"?",
        "Pick a time for next week",
    };
    private static final String[][] OPTIONS = {
        {"Very clear", "Somewhat", "Not at all"}, {"A", "B", "Both, equally"}, {"Yes", "No"},
        {"Mon 10:00", "Tue 14:00", "Fri 09:00"},
    };
    /** download_attachment, add_to_calendar, raise_hand, mic_on, cam_on, the five reactions, qna_threads. */
    private static final int[] REACTION_BOUNDS = {2, 2, 3, 3, 2, 4, 4, 3, 3, 4, 2};

    private final Dataset data;
    private final long seed;

    public Activity(Dataset data) {
        this.data = data;
        this.seed = data.spec().seed();
    }

    public Dataset data() {
        return data;
    }

    /** One chat message; {@code repliedTo} is null when it replies to none. */
    public record Message(String id, long sentAt, String text, String repliedTo, int likes, boolean deleted,
            boolean breakout) {
    }

    /** A poll of a session. */
    public record Poll(String id, String question, String[] options, long askedAt) {
    }

    /** One user's answer to a poll. */
    public record Answer(String answer, long answeredAt) {
    }

    /** The role as the Reports microservice writes it: host, moderator or attendee (speakers and viewers). */
    public static String serviceRole(String role) {
        return role.equals("Host") ? "host" : role.equals("Moderator") ? "moderator" : "attendee";
    }

    /** Chat messages attendee {@code j} sent in session {@code s}: the host 2..4, others 0..4. */
    public int messageCount(Dataset.Session s, int j) {
        long h = Mix.hash(seed, MESSAGE, s.index(), j);
        return j == 0 ? 2 + Mix.below(h, 3) : Math.max(0, Mix.below(h, 6) - 1);
    }

    /** Message {@code i} of attendee {@code j} in session {@code s}; an attendee's messages come in time order. */
    public Message message(Dataset.Session s, int j, int i) {
        long h = Mix.hash(seed, MESSAGE, s.index(), j, i);
        String id = messageId(s, j, i);
        if (j == 0 && i < 2) {
            return new Message(id, s.start() + 30 + 15L * i, i == 0 ? WELCOME : AGENDA, null,
                    3 + Mix.below(h, 5), false, false);
        }
        long from = s.start() + 60;
        long slot = Math.max(1, (s.end() - from) / messageCount(s, j));
        long sentAt = Math.min(s.end(), from + i * slot + Mix.below(Mix.mix(h + 1), (int) Math.min(slot, 1 << 30)));
        String text = TEXTS[Mix.below(Mix.mix(h + 2), TEXTS.length)];
        String repliedTo = j != 0 && Mix.below(Mix.mix(h + 3), 4) == 0 ? messageId(s, 0, 0) : null;
        boolean deleted = j != 0 && Mix.below(Mix.mix(h + 4), 25) == 0;
        boolean breakout = data.spec().breakoutsPerSession() > 0 && Mix.below(Mix.mix(h + 5), 5) == 0;
        return new Message(id, sentAt, text, repliedTo, Mix.below(Mix.mix(h + 6), 4), deleted, breakout);
    }

    private String messageId(Dataset.Session s, int j, int i) {
        return "msg_" + Mix.kalturaId(Mix.hash(seed, MESSAGE, s.index(), j, i, 7)).substring(2);
    }

    /** Polls of a session: 0..2. */
    public int pollCount(Dataset.Session s) {
        return Mix.below(Mix.hash(seed, POLL, s.index()), 3);
    }

    public Poll poll(Dataset.Session s, int p) {
        long h = Mix.hash(seed, POLL, s.index(), p);
        int q = Mix.below(h, QUESTIONS.length);
        return new Poll("poll_" + Mix.kalturaId(Mix.mix(h + 1)).substring(2), QUESTIONS[q], OPTIONS[q],
                s.start() + 300 + 600L * p);
    }

    /** Attendee {@code j}'s answer to poll {@code p}, or null (the host never answers). */
    public Answer answer(Dataset.Session s, int j, int p) {
        if (j == 0) {
            return null;
        }
        long h = Mix.hash(seed, ANSWER, s.index(), j, p);
        if (Mix.below(h, 10) >= 6) {
            return null;
        }
        Poll poll = poll(s, p);
        return new Answer(poll.options()[Mix.below(Mix.mix(h + 1), poll.options().length)],
                poll.askedAt() + 5 + Mix.below(Mix.mix(h + 2), 120));
    }

    /**
     * Attendee {@code j}'s counts in session {@code s}: download_attachment, add_to_calendar, raise_hand, mic_on,
     * cam_on, clap, heart, think, wow, smile, qna_threads.
     */
    public int[] reactions(Dataset.Session s, int j) {
        long h = Mix.hash(seed, REACTION, s.index(), j);
        int[] counts = new int[REACTION_BOUNDS.length];
        for (int k = 0; k < counts.length; k++) {
            counts[k] = Mix.below(Mix.mix(h + k), REACTION_BOUNDS[k]);
        }
        return counts;
    }

    /** Moderation threads of a session: pending, owned, resolved, done. */
    public int[] threads(Dataset.Session s) {
        long h = Mix.hash(seed, THREADS, s.index());
        return new int[] {Mix.below(h, 2), Mix.below(Mix.mix(h + 1), 2), Mix.below(Mix.mix(h + 2), 4),
            Mix.below(Mix.mix(h + 3), 3)};
    }
}
