/** A small layer toolkit on TensorFlow Java's graph mode, with flat variable names. */
package org.nashlab.nn;
