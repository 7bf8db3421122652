/** Plugin discovery (ServiceLoader to Guice), the registry of names, and parameter binding. */
package org.nashlab.plugin;
