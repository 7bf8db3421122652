/** The original GAN of Goodfellow et al. 2014 with MLP networks. */
package org.nashlab.variant.vanilla;
