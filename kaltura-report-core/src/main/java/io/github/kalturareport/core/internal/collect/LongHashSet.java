package io.github.kalturareport.core.internal.collect;

/**
 * A set of 64-bit hashes in one open-addressing {@code long[]}: 8 to 16 bytes per distinct value, where a
 * {@code HashSet<String>} costs about 90. Used to count distinct values (users per session, {@code distinct}
 * rules) in bounded memory; two different values collide with probability about n²/2⁶⁵ (below 10⁻⁷ for a
 * million values), which is why the count is documented as exact up to hash collisions.
 */
public final class LongHashSet {

    /** Marks a free slot; a real hash equal to it is remapped to {@link #ZERO_STANDIN}. */
    private static final long FREE = 0L;
    private static final long ZERO_STANDIN = 0x9E3779B97F4A7C15L;

    private long[] slots = new long[16];
    private int size;

    /** Adds a value's hash; returns whether it was new. */
    public boolean add(long hash) {
        long h = hash == FREE ? ZERO_STANDIN : hash;
        if ((size + 1) * 2L > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (slots[i] != FREE) {
            if (slots[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = h;
        size++;
        return true;
    }

    /** Whether the set holds a value's hash. */
    public boolean contains(long hash) {
        long h = hash == FREE ? ZERO_STANDIN : hash;
        int mask = slots.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (slots[i] != FREE) {
            if (slots[i] == h) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    public int size() {
        return size;
    }

    /** Empties the set, keeping its table: a set reused for the next group costs no allocation. */
    public void clear() {
        java.util.Arrays.fill(slots, FREE);
        size = 0;
    }

    /** The slots of the table (twice the size it can hold before it grows). */
    public int capacity() {
        return slots.length;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long h : old) {
            if (h != FREE) {
                add(h);
            }
        }
    }

    /** A 64-bit hash of a text: FNV-1a over its chars, then the SplitMix64 finaliser to spread the bits. */
    public static long hash(CharSequence text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    @Override
    public String toString() {
        return "LongHashSet[size=" + size + ", capacity=" + slots.length + "]";
    }
}
