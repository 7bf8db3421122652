/** Graph assembly, the training loop, seeding, sampling and divergence handling. */
package org.nashlab.train;
