/** An outside plugin: copy this module to start your own. */
package org.example.nash;
