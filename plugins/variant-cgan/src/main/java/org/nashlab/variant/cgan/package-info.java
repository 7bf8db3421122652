/** Class-conditional GANs: Mirza and Osindero 2014, with Miyato and Koyama's projection option. */
package org.nashlab.variant.cgan;
