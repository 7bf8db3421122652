/**
 * Test support: a gradient check against central differences, a real MLflow server for integration
 * tests, and readers of what runs logged.
 */
package org.nashlab.testkit;
