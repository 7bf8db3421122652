/** Built-in optimizers on TensorFlow's Apply* ops, one instance per network, with schedules. */
package org.nashlab.optimizers;
