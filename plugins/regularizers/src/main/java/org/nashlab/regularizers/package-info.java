/**
 * Built-in stability techniques: gradient penalties, weight constraints, input noise, smoothing.
 */
package org.nashlab.regularizers;
