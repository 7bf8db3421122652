/** The {@code nash} command line. */
package org.nashlab.cli;
