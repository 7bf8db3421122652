/** MLflow tracking: asynchronous batched logging with a spool, artifacts, the local server. */
package org.nashlab.track;
