/** Built-in adversarial losses, each in its numerically stable form. */
package org.nashlab.losses;
