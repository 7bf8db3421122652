/** Built-in executors: where a sweep's trials run. */
package org.nashlab.executors;
