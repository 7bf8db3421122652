/**
 * A small layer toolkit on TensorFlow Java's graph mode, with flat variable names, every layer of
 * which a gradient penalty can differentiate (docs/penalty-ops.md).
 */
package org.nashlab.nn;
