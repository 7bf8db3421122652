/**
 * StyleGAN2 (Karras et al. 2020, "Analyzing and Improving the Image Quality of StyleGAN"): a
 * variant with its own training program, written on {@code nash-api} only.
 */
package org.nashlab.variant.stylegan2;
