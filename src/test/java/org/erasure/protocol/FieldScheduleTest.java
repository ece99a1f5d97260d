package org.erasure.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The field schedule's frame coordinate: linear between frames, jumps where two frames share a time. */
class FieldScheduleTest {

    @Test
    void jumpsAtSharedTimesAndIsLinearBetween() {
        // frames 0, 1 at t = 0 (a jump at the start), 2 at τ/2, 3 and 4 at τ (a jump at the end)
        final FieldSchedule s = FieldSchedule.of(2, new double[] {0, 0, 0.5, 1, 1});
        assertEquals(0, s.control0(0));
        assertEquals(1 + 1e-6, s.control0(1e-6), 1e-12, "just after the start: past the jump");
        assertEquals(1.5, s.control0(0.5), 1e-15);
        assertEquals(2, s.control0(1), 1e-15);
        assertEquals(2.5, s.control0(1.5), 1e-15);
        assertEquals(4, s.control0(2), "at τ: the last frame");
        // a step grid's N·(τ/N) may fall an ulp short of τ; it still reaches the last frame
        assertEquals(4, s.control0(Math.nextDown(2.0)));
        assertEquals(4, s.control0(3), "the hold keeps the last frame");
        assertEquals(0, s.control1(1));
    }

    @Test
    void refusesWhatIsNotASchedule() {
        assertThrows(IllegalArgumentException.class, () -> FieldSchedule.of(1, new double[] {0, 0.6, 0.5, 1}));
        assertThrows(IllegalArgumentException.class, () -> FieldSchedule.of(1, new double[] {0, 0, 0, 1}));
        assertThrows(IllegalArgumentException.class, () -> FieldSchedule.of(1, new double[] {0.1, 1}));
        assertThrows(IllegalArgumentException.class, () -> FieldSchedule.of(-1, new double[] {0, 1}));
    }
}
