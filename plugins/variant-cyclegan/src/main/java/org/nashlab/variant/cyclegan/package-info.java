/**
 * CycleGAN (Zhu et al. 2017): two generators and two PatchGAN discriminators trained on unpaired
 * domains with cycle consistency, a variant that owns its whole training program.
 */
package org.nashlab.variant.cyclegan;
