/** Built-in datasets: Gaussian mixtures and image sets in their original file formats. */
package org.nashlab.datasets;
