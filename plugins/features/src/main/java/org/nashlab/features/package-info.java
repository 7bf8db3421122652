/** The built-in feature networks behind FID, KID, the Inception Score and precision/recall. */
package org.nashlab.features;
