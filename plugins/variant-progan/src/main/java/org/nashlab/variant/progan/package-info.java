/**
 * ProGAN (Karras et al. 2018, "Progressive Growing of GANs for Improved Quality, Stability, and
 * Variation"): a variant with its own training program, written on {@code nash-api} only.
 */
package org.nashlab.variant.progan;
