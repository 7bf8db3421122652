/** Built-in datasets: synthetic Gaussian mixtures. */
package org.nashlab.datasets;
