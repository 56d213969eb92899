package io.github.kalturareport.simulator.internal;

/**
 * The CSV bytes of users' id, name and e-mail, cached: an attendee report names the same few hundred users over and
 * over, and building a user's strings costs more than the rest of the row. The cache is direct-mapped with a fixed
 * number of slots, so any user pool fits in the same small memory; a larger pool only misses more often.
 */
final class UserFields {
    private static final int SLOTS = 4096; // a power of two, so a slot is the low bits of the index

    private final Dataset data;
    private final int[] index = new int[SLOTS];
    private final String[] rawId = new String[SLOTS];
    private final byte[][] id = new byte[SLOTS][];
    private final byte[][] name = new byte[SLOTS][];
    private final byte[][] email = new byte[SLOTS][];

    UserFields(Dataset data) {
        this.data = data;
    }

    /** The id as text, for the {@code user_ids} filter. */
    String rawId(int user) {
        return rawId[slot(user)];
    }

    byte[] id(int user) {
        return id[slot(user)];
    }

    byte[] name(int user) {
        return name[slot(user)];
    }

    byte[] email(int user) {
        return email[slot(user)];
    }

    private int slot(int user) {
        int s = user & (SLOTS - 1);
        if (id[s] == null || index[s] != user) {
            Dataset.User u = data.user(user);
            index[s] = user;
            rawId[s] = u.id();
            id[s] = CsvBuffer.field(u.id());
            name[s] = CsvBuffer.field(u.name());
            email[s] = CsvBuffer.field(u.email());
        }
        return s;
    }
}
