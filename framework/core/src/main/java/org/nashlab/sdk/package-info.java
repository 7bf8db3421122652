/** What a plugin author builds on: the installed SDK and the starter project. */
package org.nashlab.sdk;
