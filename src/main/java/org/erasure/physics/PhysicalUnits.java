package org.erasure.physics;

/**
 * Conversions between the reduced units of the simulation (energy kT, length x_m, time
 * τ_D = γ x_m²/kT) and SI units. Boltzmann's constant is exact in the 2019 SI (CODATA 2018).
 *
 * @param temperatureK bath temperature in K
 * @param frictionKgPerS Stokes friction γ in kg/s, or NaN when no physical length/time scale is given
 * @param lengthUnitM x_m in m, or NaN
 */
public record PhysicalUnits(double temperatureK, double frictionKgPerS, double lengthUnitM) {

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
        return new PhysicalUnits(temperatureK, Double.NaN, Double.NaN);
    }

    /** A sphere of the given radius in a fluid of the given viscosity (Stokes: γ = 6πηr). */
    public static PhysicalUnits stokesBead(double temperatureK, double viscosityPaS, double radiusM,
                                           double lengthUnitM) {
        if (!(viscosityPaS > 0) || !(radiusM > 0) || !(lengthUnitM > 0)) {
            throw new IllegalArgumentException("viscosity, bead radius and length unit must be positive");
        }
        return new PhysicalUnits(temperatureK, 6 * Math.PI * viscosityPaS * radiusM, lengthUnitM);
    }

    /** kT in J. */
    public double kTJoule() {
        return BOLTZMANN_J_PER_K * temperatureK;
    }

    public double toJoule(double energyKT) {
        return energyKT * kTJoule();
    }

    public double toZeptoJoule(double energyKT) {
        return energyKT * kTJoule() * 1e21;
    }

    public double toElectronVolt(double energyKT) {
        return energyKT * kTJoule() / ELECTRON_VOLT_J;
    }

    /** Whether lengths and times have SI values. */
    public boolean hasTimeScale() {
        return Double.isFinite(frictionKgPerS) && Double.isFinite(lengthUnitM);
    }

    /** τ_D = γ x_m² / kT in s (NaN without a time scale). */
    public double timeUnitS() {
        return frictionKgPerS * lengthUnitM * lengthUnitM / kTJoule();
    }
}
