package org.nashlab.api;

/**
 * A stability technique. This marker is what the registry binds; a technique implements the
 * capability interfaces it needs, each one method with one context, in the style of JUnit 5's
 * extensions: {@link LossTerm} (penalties), {@link WeightConstraint} (clipping after an update),
 * {@link InputTransform} (noise or augmentation of D's inputs), {@link WeightReparametrisation}
 * (spectral norm), {@link DiscriminatorSchedule} (n-critic, d-skip), {@link WeightAveraging} (EMA).
 * A technique can implement several.
 */
public interface Regularizer {}
