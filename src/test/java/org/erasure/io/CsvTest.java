package org.erasure.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** CSV numbers: one plain style (issue 13: no 1.0E-6), and every double reads back exactly. */
class CsvTest {

    @Test
    void numbersArePlainAndReadBackExactly() {
        assertEquals("1e-6", Csv.format(1e-6));
        assertEquals("2.5e-22", Csv.format(2.5e-22));
        assertEquals("1e10", Csv.format(1e10));
        assertEquals("0.001", Csv.format(0.001));
        assertEquals("-inf", Csv.format(Double.NEGATIVE_INFINITY));
        assertEquals("", Csv.format(Double.NaN));
        final SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 100_000; i++) {
            final double d = Math.scalb(r.nextDouble() - 0.5, r.nextInt(-1074, 1024));
            assertEquals(d, Double.parseDouble(Csv.format(d)), 0.0, Csv.format(d));
        }
    }
}
