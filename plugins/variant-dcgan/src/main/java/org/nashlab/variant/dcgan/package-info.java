/** DCGAN (Radford et al. 2015): convolutional networks following the paper's guidelines. */
package org.nashlab.variant.dcgan;
