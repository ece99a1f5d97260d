package org.erasure;

/**
 * The thermodynamic results of an erasure run in one shape whichever engine made them: Monte Carlo
 * ({@link SimulationReport#estimates()}) and Fokker–Planck ({@link FokkerPlanckReport#estimates()}) are then read and
 * compared the same way.
 *
 * @param engine        "mc" (direct sampling), "ams" (ε by splitting, energies by direct sampling) or "fp"
 * @param meanWork      ⟨W⟩ (kT)
 * @param meanWorkPlus  ⟨W⁺⟩, the energy put into the potential (kT)
 * @param meanWorkMinus ⟨W⁻⟩, the energy given back (kT)
 * @param meanHeat      ⟨Q⟩, the heat to the bath (kT)
 * @param errorRate     ε, the error probability after any hold
 */
public record ErasureEstimates(String engine, Estimate meanWork, Estimate meanWorkPlus, Estimate meanWorkMinus,
                               Estimate meanHeat, Estimate errorRate) {
}
