/** The built-in evaluation metrics and the numerics behind them, in double precision. */
package org.nashlab.metrics;
