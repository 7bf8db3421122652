/** Built-in optimizers over tensorflow-framework, one instance per network. */
package org.nashlab.optimizers;
