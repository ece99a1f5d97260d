package org.erasure.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A log axis under two decades ends at ticks it labels. */
class ChartKitTest {

    @Test
    void rangesRoundToOneSignificantDigit() {
        assertEquals(20, ChartKit.roundDigit(14.66, true), 1e-12);
        assertEquals(0.6, ChartKit.roundDigit(0.6931, false), 1e-12);
        assertEquals(10, ChartKit.roundDigit(9.2, true), 1e-12);
        assertEquals(3, ChartKit.roundDigit(3.0000000001, true), 1e-12, "a value a rounding error off a digit stays");
        assertEquals(1, ChartKit.roundDigit(1.9, false), 1e-12);
        assertEquals(2e-3, ChartKit.roundDigit(1.01e-3, true), 1e-15);
    }
}
