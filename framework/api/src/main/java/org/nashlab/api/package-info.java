/**
 * The plugin kinds, their parameter annotations, contexts and exceptions: what a plugin author
 * sees.
 */
package org.nashlab.api;
