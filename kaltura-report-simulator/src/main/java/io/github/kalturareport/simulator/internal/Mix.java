package io.github.kalturareport.simulator.internal;

/**
 * Stateless seeded hashing (SplitMix64 finaliser): every value of the dataset is a pure function of the seed and
 * its coordinates, so any row can be produced on demand, in any order, with nothing held in memory.
 */
final class Mix {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Mix() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long hash(long seed, long... parts) {
        long h = mix(seed + GOLDEN);
        for (long part : parts) {
            h = mix(h ^ (part + GOLDEN));
        }
        return h;
    }

    /** A value in [0, bound). */
    static int below(long hash, int bound) {
        return (int) Long.remainderUnsigned(hash, bound);
    }

    /** A value in [0, 1). */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    private static final char[] ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /** A Kaltura-style object id such as {@code 1_a8x3k2pq}. */
    static String kalturaId(long hash) {
        char[] id = new char[10];
        id[0] = '1';
        id[1] = '_';
        long h = hash;
        for (int i = 2; i < id.length; i++) {
            id[i] = ID_CHARS[below(h, ID_CHARS.length)];
            h = mix(h + GOLDEN);
        }
        return new String(id);
    }
}
