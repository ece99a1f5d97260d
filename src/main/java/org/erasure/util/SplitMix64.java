package org.erasure.util;

/**
 * SplitMix64 (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014): the one seed
 * mixer of the product. Every stream seed (the Monte Carlo blocks, the splitting's repetitions, a sweep point's seed)
 * is derived through it.
 */
public final class SplitMix64 {

    /** The increment of the SplitMix64 state (the golden gamma, 2^64/φ). */
    public static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private SplitMix64() {
    }

    /** The finaliser: a bijective mix of 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The generator's output for state {@code z}: mix(z + γ). */
    public static long next(long z) {
        return mix(z + GOLDEN_GAMMA);
    }
}
