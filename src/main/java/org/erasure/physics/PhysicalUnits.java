package org.erasure.physics;

/**
 * Conversions between the reduced units of the simulation (energy kT, length x_m, time
 * τ_D = γ x_m²/kT) and SI units. Boltzmann's constant is exact in the 2019 SI (CODATA 2018).
 *
 * @param temperatureK bath temperature in K
 * @param timeUnitS    the reduced time unit τ_D in s, or NaN when no physical time scale is given
 * @param lengthUnitM  the reduced length unit in m, or NaN
 * @param reducedMass  the reduced mass μ = m kT/(γ² x²) when the physics gives it (an oscillator's Q², or a
 *                     mass and a friction), else NaN
 */
public record PhysicalUnits(double temperatureK, double timeUnitS, double lengthUnitM, double reducedMass) {

    /** Boltzmann constant in J/K (exact). */
    public static final double BOLTZMANN_J_PER_K = 1.380649e-23;
    /** Elementary charge in C (exact), i.e. J per eV. */
    public static final double ELECTRON_VOLT_J = 1.602176634e-19;

    public PhysicalUnits {
        if (!(temperatureK > 0) || Double.isInfinite(temperatureK)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperatureK + " K");
        }
    }

    /** Only a temperature: energies convert, lengths and times do not. */
    public static PhysicalUnits thermal(double temperatureK) {
        return new PhysicalUnits(temperatureK, Double.NaN, Double.NaN, Double.NaN);
    }

    /** A sphere of the given radius in a fluid of the given viscosity (Stokes: γ = 6πηr). */
    public static PhysicalUnits stokesBead(double temperatureK, double viscosityPaS, double radiusM,
                                           double lengthUnitM) {
        if (!(viscosityPaS > 0) || !(radiusM > 0) || !(lengthUnitM > 0)) {
            throw new IllegalArgumentException("viscosity, bead radius and length unit must be positive");
        }
        final double gamma = 6 * Math.PI * viscosityPaS * radiusM;
        final double kT = BOLTZMANN_J_PER_K * temperatureK;
        return new PhysicalUnits(temperatureK, gamma * lengthUnitM * lengthUnitM / kT, lengthUnitM, Double.NaN);
    }

    /**
     * A particle of mass m (kg) with friction γ (kg/s), lengths in units of x (m): τ_D = γx²/kT and
     * reduced mass μ = m kT/(γ² x²).
     */
    public static PhysicalUnits massAndFriction(double temperatureK, double massKg, double frictionKgPerS,
                                                double lengthUnitM) {
        if (!(massKg > 0) || !(frictionKgPerS > 0) || !(lengthUnitM > 0)) {
            throw new IllegalArgumentException("mass, friction and length unit must be positive");
        }
        final double kT = BOLTZMANN_J_PER_K * temperatureK;
        return new PhysicalUnits(temperatureK, frictionKgPerS * lengthUnitM * lengthUnitM / kT, lengthUnitM,
                massKg * kT / (frictionKgPerS * frictionKgPerS * lengthUnitM * lengthUnitM));
    }

    /**
     * An underdamped oscillator of resonance frequency f₀ and quality factor Q with lengths in
     * √(kT/k): the friction time unit is τ_D = γ/k = 1/(Q ω₀), and the reduced mass is Q².
     */
    public static PhysicalUnits oscillator(double temperatureK, double resonanceHz, double qualityFactor) {
        if (!(resonanceHz > 0) || !(qualityFactor > 0)) {
            throw new IllegalArgumentException("resonance frequency and quality factor must be positive");
        }
        return new PhysicalUnits(temperatureK, 1 / (qualityFactor * 2 * Math.PI * resonanceHz), Double.NaN,
                qualityFactor * qualityFactor);
    }

    /** kT in J. */
    public double kTJoule() {
        return BOLTZMANN_J_PER_K * temperatureK;
    }

    public double toZeptoJoule(double energyKT) {
        return energyKT * kTJoule() * 1e21;
    }

    public double toElectronVolt(double energyKT) {
        return energyKT * kTJoule() / ELECTRON_VOLT_J;
    }

    /** Whether times have SI values. */
    /** Whether a physical length scale is known (a bead's well half-distance). */
    public boolean hasLengthScale() {
        return Double.isFinite(lengthUnitM) && lengthUnitM > 0;
    }

    public boolean hasTimeScale() {
        return Double.isFinite(timeUnitS);
    }
}
